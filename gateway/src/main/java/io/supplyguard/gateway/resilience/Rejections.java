package io.supplyguard.gateway.resilience;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** {@code supplyguard_gateway_requests_rejected_total{reason}}: requests refused to protect a service or the gateway. */
final class Rejections {

  private Rejections() {
  }

  static Counter counter(MeterRegistry registry, String reason) {
    return Counter.builder("supplyguard.gateway.requests.rejected")
        .description("Requests the gateway refused: rate_limited (429), overloaded or circuit_open (503)")
        .tag("reason", reason).register(registry);
  }
}
