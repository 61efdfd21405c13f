package io.supplyguard.common.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.time.Duration;
import java.util.Collection;
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

  /**
   * Registers counter {@code name} at zero for each of the known {@code values} of its one
   * {@code label}, so that its series exist from start rather than from the first event: a panel
   * shows 0 instead of "No data", and {@code increase()} sees the first event (a series that
   * first appears at 1 shows none). The events still count through
   * {@code registry.counter(name, label, value)}, which finds the counter registered here.
   */
  public static void countersAtZero(MeterRegistry registry, String name, String description, String label,
      Collection<String> values) {
    for (String value : values) {
      Counter.builder(name).description(description).tag(label, value).register(registry);
    }
  }

  private static double nanos(long millis) {
    return Duration.ofMillis(millis).toNanos();
  }
}
