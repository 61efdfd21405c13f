package io.supplyguard.gateway;

import io.supplyguard.common.bootstrap.ServiceContext;
import io.supplyguard.common.bootstrap.ServiceDefinition;
import io.supplyguard.common.config.DbConfig;
import io.supplyguard.common.db.Database;
import io.supplyguard.gateway.auth.TenantRepository;
import io.supplyguard.gateway.http.GatewayShared;
import io.supplyguard.gateway.http.GatewayVerticle;
import io.supplyguard.gateway.notifications.NotificationsVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The gateway: the public HTTP API, and owner of tenants and API keys (schema {@code gateway}).
 * Its HTTP server runs as {@code GATEWAY_INSTANCES} verticle instances on one port, each on its
 * own event loop, over the parts built once in {@link GatewayShared}; change notifications run
 * as one instance.
 */
public final class GatewayService implements ServiceDefinition {
  public static final String NAME = "gateway";
  static final String SCHEMA = "gateway";

  private final List<GatewayVerticle> instances = new CopyOnWriteArrayList<>();

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Future<?> start(ServiceContext context) {
    // Fail before touching the database when the one secret the gateway needs is missing.
    context.settings().string("PLATFORM_ADMIN_KEY");
    int count = GatewayInstances.from(context.settings());
    return Database.open(context, SCHEMA)
        .compose(pool -> {
          NotificationsVerticle notifications = new NotificationsVerticle(context.vertx(), context.settings(), pool,
              DbConfig.from(context.settings(), SCHEMA).connect(), context.metrics());
          return GatewayShared.create(context.vertx(), context.settings(), new TenantRepository(pool),
                  context.metrics(), notifications)
              .compose(shared -> context.vertx().deployVerticle(notifications)
                  .compose(v -> context.vertx().deployVerticle(() -> {
                    GatewayVerticle instance = new GatewayVerticle(shared);
                    instances.add(instance);
                    return instance;
                  }, new DeploymentOptions().setInstances(count))));
        });
  }

  /** The port the API listens on (useful when configured as 0): the same for every instance. */
  public int httpPort() {
    return instances.get(0).actualPort();
  }

  /** How many instances of the HTTP server this gateway runs. */
  public int instances() {
    return instances.size();
  }
}
