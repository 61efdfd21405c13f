package io.supplyguard.gateway.resilience;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.supplyguard.common.config.InvalidConfigException;
import io.supplyguard.common.config.Settings;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bound on the requests the gateway works on at once. Past it a request is answered 503 with
 * {@code Retry-After} at once rather than queued: under overload, waiting only turns every
 * request into a timeout. A place is given back when the response ends or the connection
 * closes, whichever comes first. A platform handler, so that it runs before the body is read.
 * {@code supplyguard_gateway_requests_in_flight} shows the count. The change-notification stream
 * is not counted: it stays open for hours by design, and EVENTS_MAX_STREAMS_PER_TENANT bounds it.
 * One per gateway, shared by every HTTP verticle instance: the bound is the process's, counted
 * atomically, whichever event loop serves a request.
 */
public final class InFlightLimit implements PlatformHandler {
  static final String MAX = "GATEWAY_MAX_IN_FLIGHT";

  private final int max;
  private final long retryAfterSeconds;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Counter shed;

  InFlightLimit(int max, long retryAfterSeconds, MeterRegistry registry) {
    this.max = max;
    this.retryAfterSeconds = retryAfterSeconds;
    this.shed = Rejections.counter(registry, "overloaded");
    Gauge.builder("supplyguard.gateway.requests.in.flight", inFlight, AtomicInteger::get)
        .description("Requests the gateway is working on").strongReference(true).register(registry);
  }

  public static InFlightLimit create(Settings settings, MeterRegistry registry) {
    int max = settings.integer(MAX);
    if (max < 1) {
      throw new InvalidConfigException(MAX, "must be at least 1, was " + max);
    }
    return new InFlightLimit(max, settings.integer("GATEWAY_RETRY_AFTER_SECONDS"), registry);
  }

  private static final String EVENT_STREAM = "/api/v1/events";

  @Override
  public void handle(RoutingContext ctx) {
    if (EVENT_STREAM.equals(ctx.normalizedPath())) {
      ctx.next();
      return;
    }
    if (inFlight.incrementAndGet() > max) {
      inFlight.decrementAndGet();
      shed.increment();
      ctx.fail(Rejection.overloaded(retryAfterSeconds));
      return;
    }
    // Called once: when the response has ended, failed, or its connection closed.
    ctx.addEndHandler(done -> inFlight.decrementAndGet());
    ctx.next();
  }
}
