package io.supplyguard.gateway.resilience;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.CircuitBreakerState;
import io.vertx.circuitbreaker.OpenCircuitException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The circuit breaker in front of one downstream service. After {@code maxFailures} unhealthy
 * outcomes in a row (see {@link UnhealthyReplies}) it opens: requests are answered 503 at once,
 * nothing is sent, and {@code Retry-After} says when it half-opens. Half-open, one request goes
 * through as a probe; its success closes the circuit, its failure opens it again.
 *
 * <p>Operators see {@code supplyguard_gateway_circuit_state{downstream}} (0 closed, 1 half-open,
 * 2 open) and {@code supplyguard_gateway_circuit_transitions_total{downstream,state}}.
 *
 * <p>One per downstream and gateway, shared by every HTTP verticle instance, so that failures seen
 * on any event loop open it for all: vertx-circuit-breaker keeps its state under its own lock and
 * completes each call on the caller's context.
 */
final class DownstreamCircuit {
  private static final Logger LOG = LoggerFactory.getLogger(DownstreamCircuit.class);
  private static final Duration MIN_FAILURE_WINDOW = Duration.ofSeconds(10);

  private final String downstream;
  private final Duration resetTimeout;
  private final CircuitBreaker breaker;
  private final Counter rejected;
  private volatile long openedAtNanos;

  DownstreamCircuit(Vertx vertx, String downstream, Duration sendTimeout, CircuitSettings settings,
      MeterRegistry registry) {
    this.downstream = downstream;
    this.resetTimeout = settings.resetTimeout();
    this.breaker = CircuitBreaker.create(downstream, vertx, new CircuitBreakerOptions()
            .setMaxFailures(settings.maxFailures())
            .setResetTimeout(resetTimeout.toMillis())
            // The bus request's own send timeout decides when a call failed (and makes it a 504).
            .setTimeout(-1)
            // Failures count only inside this window; long enough that timeouts of requests sent
            // one after another still add up to maxFailures ("in a row", whatever the timeout).
            .setFailuresRollingWindow(failureWindow(sendTimeout, settings.maxFailures()).toMillis())
            // Nothing published on the clustered bus: the gateway's metrics report the state.
            .setNotificationAddress(null))
        .failurePolicy(new UnhealthyReplies());
    this.rejected = Rejections.counter(registry, "circuit_open");
    Gauge.builder("supplyguard.gateway.circuit.state", breaker, b -> stateCode(b.state()))
        .description("Circuit to a downstream service: 0 closed, 1 half-open, 2 open")
        .tag("downstream", downstream).strongReference(true).register(registry);
    Counter opened = transitions(registry, CircuitBreakerState.OPEN);
    Counter halfOpened = transitions(registry, CircuitBreakerState.HALF_OPEN);
    Counter closed = transitions(registry, CircuitBreakerState.CLOSED);
    breaker.openHandler(v -> {
      openedAtNanos = System.nanoTime();
      opened.increment();
      LOG.warn("Circuit to {} opened: it failed {} times in a row or its probe failed; "
          + "its routes answer 503 for {} s", downstream, settings.maxFailures(), resetTimeout.toSeconds());
    });
    breaker.halfOpenHandler(v -> {
      halfOpened.increment();
      LOG.info("Circuit to {} half-open: the next request is let through as a probe", downstream);
    });
    breaker.closeHandler(v -> {
      closed.increment();
      LOG.info("Circuit to {} closed: it answers again", downstream);
    });
  }

  /** Runs {@code request} unless the circuit is open; then fails at once with a {@link Rejection}. */
  Future<Buffer> call(Supplier<Future<Buffer>> request) {
    return breaker.<Buffer>execute(request).recover(failure -> {
      if (failure instanceof OpenCircuitException) {
        rejected.increment();
        return Future.failedFuture(Rejection.circuitOpen(downstream, retryAfterSeconds()));
      }
      return Future.failedFuture(failure);
    });
  }

  /** Seconds until the circuit half-opens; 1 while it is half-open and its probe is out. */
  private long retryAfterSeconds() {
    long remaining = resetTimeout.toNanos() - (System.nanoTime() - openedAtNanos);
    return Math.max(1, (remaining + 999_999_999L) / 1_000_000_000L);
  }

  private static Duration failureWindow(Duration sendTimeout, int maxFailures) {
    Duration needed = sendTimeout.multipliedBy(maxFailures).plusSeconds(1);
    return needed.compareTo(MIN_FAILURE_WINDOW) > 0 ? needed : MIN_FAILURE_WINDOW;
  }

  private Counter transitions(MeterRegistry registry, CircuitBreakerState to) {
    return Counter.builder("supplyguard.gateway.circuit.transitions")
        .description("Changes of state of the circuit to a downstream service, by the state entered")
        .tag("downstream", downstream).tag("state", to.name()).register(registry);
  }

  private static int stateCode(CircuitBreakerState state) {
    return switch (state) {
      case CLOSED -> 0;
      case HALF_OPEN -> 1;
      case OPEN -> 2;
    };
  }
}
