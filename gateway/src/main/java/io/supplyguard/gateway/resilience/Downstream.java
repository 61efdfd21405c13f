package io.supplyguard.gateway.resilience;

import io.micrometer.core.instrument.MeterRegistry;
import io.supplyguard.common.bus.BusClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;

/**
 * A service the gateway forwards requests to, by name: its own send timeout (past it, a 504)
 * and its own circuit, so that one slow or missing service never holds up the other's routes.
 */
public final class Downstream {
  private final String name;
  private final BusClient bus;
  private final DownstreamCircuit circuit;

  Downstream(Vertx vertx, String name, Duration timeout, CircuitSettings circuit, MeterRegistry registry) {
    this.name = name;
    this.bus = new BusClient(vertx, timeout);
    this.circuit = new DownstreamCircuit(vertx, name, timeout, circuit, registry);
  }

  public String name() {
    return name;
  }

  /**
   * One request through this service's circuit, its reply as the service encoded it; see
   * {@link BusClient#request} for its failures.
   */
  public Future<Buffer> request(String address, JsonObject body, BusClient.Caller caller) {
    return circuit.call(() -> bus.requestEncoded(address, body, caller));
  }
}
