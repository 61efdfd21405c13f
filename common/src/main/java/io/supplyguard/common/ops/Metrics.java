package io.supplyguard.common.ops;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.time.Duration;
import java.util.EnumSet;

/** The Prometheus registry of a service and the Vert.x metrics that feed it. */
public final class Metrics {

  private Metrics() {
  }

  /** A registry whose every meter carries {@code service=<name>}. */
  public static PrometheusMeterRegistry registry(String serviceName) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().commonTags("service", serviceName);
    // Latency percentiles per route need buckets; Vert.x publishes none by default.
    registry.config().meterFilter(new MeterFilter() {
      @Override
      public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        if (id.getName().equals("vertx.http.server.response.time")
            || id.getName().equals("vertx.eventbus.processing.time")) {
          return DistributionStatisticConfig.builder()
              .serviceLevelObjectives(
                  nanos(1), nanos(2), nanos(5), nanos(10), nanos(25), nanos(50), nanos(100),
                  nanos(250), nanos(500), nanos(1000), nanos(2500), nanos(5000))
              .build().merge(config);
        }
        return config;
      }
    });
    return registry;
  }

  /** Vert.x metrics with the labels dashboards group by, and the JVM's own. */
  public static MicrometerMetricsOptions options() {
    return new MicrometerMetricsOptions()
        .setEnabled(true)
        .setJvmMetricsEnabled(true)
        .setLabels(EnumSet.of(Label.LOCAL, Label.HTTP_ROUTE, Label.HTTP_METHOD, Label.HTTP_CODE,
            Label.EB_ADDRESS, Label.EB_SIDE, Label.EB_FAILURE, Label.POOL_TYPE, Label.POOL_NAME));
  }

  private static double nanos(long millis) {
    return Duration.ofMillis(millis).toNanos();
  }
}
