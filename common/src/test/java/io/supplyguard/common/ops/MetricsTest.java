package io.supplyguard.common.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MetricsTest {

  @Test
  @DisplayName("counters registered at zero are scraped before their first event, and the events count on them")
  void countersAtZero() {
    PrometheusMeterRegistry registry = Metrics.registry("svc");
    Metrics.countersAtZero(registry, "things.done", "Things done, by kind", "kind", List.of("A", "B"));

    assertThat(registry.scrape())
        .contains("# HELP things_done_total Things done, by kind")
        .contains("things_done_total{kind=\"A\",service=\"svc\"} 0.0")
        .contains("things_done_total{kind=\"B\",service=\"svc\"} 0.0");

    registry.counter("things.done", "kind", "A").increment();
    assertThat(registry.scrape())
        .contains("things_done_total{kind=\"A\",service=\"svc\"} 1.0")
        .contains("things_done_total{kind=\"B\",service=\"svc\"} 0.0");
  }
}
