package io.supplyguard.common.bootstrap;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.supplyguard.common.config.Settings;
import io.supplyguard.common.ops.Lifecycle;
import io.supplyguard.common.ops.ManagementServer;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import java.time.Clock;
import java.util.Map;

/**
 * The one way to start a service, in its own JVM or beside others in a test: the management
 * server first (so liveness answers while the service starts), then the service; readiness
 * turns true only when both are up.
 */
public final class ServiceHost {
  private final Lifecycle lifecycle;
  private final ManagementServer management;

  private ServiceHost(Lifecycle lifecycle, ManagementServer management) {
    this.lifecycle = lifecycle;
    this.management = management;
  }

  /**
   * @param hostChecks readiness checks of what the host itself provides (the cluster); the
   *     service adds its own (its database) through its context
   */
  public static Future<ServiceHost> start(Vertx vertx, ServiceDefinition service, Settings settings,
      PrometheusMeterRegistry registry, Clock clock, Map<String, Handler<Promise<Status>>> hostChecks) {
    HealthChecks readiness = HealthChecks.create(vertx);
    Lifecycle lifecycle = new Lifecycle();
    readiness.register("lifecycle", lifecycle::check);
    hostChecks.forEach(readiness::register);
    ManagementServer management = new ManagementServer(vertx, registry, readiness);
    ServiceContext context = new ServiceContext(vertx, settings, readiness, registry, clock);
    return management.listen(settings.string("MANAGEMENT_HOST"), settings.port("MANAGEMENT_PORT"))
        .compose(v -> service.start(context))
        .map(v -> {
          lifecycle.started();
          return new ServiceHost(lifecycle, management);
        });
  }

  /** Readiness turns false at once, so that load balancers stop sending before we stop. */
  public void stopping() {
    lifecycle.stopping();
  }

  public int managementPort() {
    return management.actualPort();
  }
}
