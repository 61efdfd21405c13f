package io.supplyguard.common.bootstrap;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.supplyguard.common.config.ClusterConfig;
import io.supplyguard.common.config.ConfigLoader;
import io.supplyguard.common.config.Settings;
import io.supplyguard.common.ops.ClusterCheck;
import io.supplyguard.common.ops.Metrics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code main} of every service jar: configuration, a clustered Vert.x with metrics, the
 * service, and a shutdown hook that drains in-flight work on SIGTERM before leaving the cluster.
 */
public final class ServiceRunner {
  private static final Logger LOG = LoggerFactory.getLogger(ServiceRunner.class);

  private ServiceRunner() {
  }

  public static void run(ServiceDefinition service) {
    try {
      Settings settings = loadSettings(service.name());
      PrometheusMeterRegistry registry = Metrics.registry(settings.string("SERVICE_NAME"));
      ClusterConfig clusterConfig = ClusterConfig.from(settings);
      HazelcastClusterManager clusterManager = new HazelcastClusterManager(clusterConfig.hazelcast());
      VertxOptions options = new VertxOptions()
          .setMetricsOptions(Metrics.options())
          .setEventBusOptions(new EventBusOptions().setHost(clusterConfig.host()).setPort(clusterConfig.eventBusPort()));
      Vertx vertx = await(Vertx.builder().with(options)
          .withMetrics(new MicrometerMetricsFactory(registry))
          .withClusterManager(clusterManager)
          .buildClustered(), Duration.ofMinutes(2));
      Clock clock = Clock.system(settings.zone("PLATFORM_TIME_ZONE"));
      ServiceHost host = await(ServiceHost.start(vertx, service, settings, registry, clock,
          Map.of("cluster", new ClusterCheck(clusterManager))), Duration.ofMinutes(3));
      Duration grace = settings.millis("SHUTDOWN_GRACE_MS");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(service.name(), vertx, host, grace), "shutdown"));
      LOG.info("{} started; management on port {}", service.name(), host.managementPort());
    } catch (Exception e) {
      LOG.error("{} failed to start", service.name(), e);
      System.exit(1);
    }
  }

  private static Settings loadSettings(String serviceName) throws Exception {
    Vertx bootstrap = Vertx.vertx();
    try {
      return await(ConfigLoader.load(bootstrap, serviceName, new JsonObject()), Duration.ofSeconds(30));
    } finally {
      bootstrap.close();
    }
  }

  private static void stop(String name, Vertx vertx, ServiceHost host, Duration grace) {
    LOG.info("{} stopping", name);
    host.stopping();
    try {
      // Undeploying drains each verticle; closing then leaves the cluster.
      await(vertx.close(), grace.plusSeconds(5));
      LOG.info("{} stopped", name);
    } catch (Exception e) {
      LOG.warn("{} did not stop cleanly", name, e);
    }
  }

  private static <T> T await(Future<T> future, Duration timeout) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }
}
