package io.supplyguard.gateway.routes;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * One operation answered by one bus request, its reply the response body. Immutable:
 * {@link #created()} and {@link #withIdempotencyKey()} return a changed copy, so that a route
 * reads as one line where it is bound.
 */
public final class BusRoute implements Handler<RoutingContext> {
  private final BusForwarder forwarder;
  private final String address;
  private final Body body;
  private final int status;
  private final boolean idempotencyKey;

  BusRoute(BusForwarder forwarder, String address, Body body) {
    this(forwarder, address, body, 200, false);
  }

  private BusRoute(BusForwarder forwarder, String address, Body body, int status, boolean idempotencyKey) {
    this.forwarder = forwarder;
    this.address = address;
    this.body = body;
    this.status = status;
    this.idempotencyKey = idempotencyKey;
  }

  /** Answers 201: the operation creates something. */
  public BusRoute created() {
    return new BusRoute(forwarder, address, body, 201, idempotencyKey);
  }

  /** Passes the client's Idempotency-Key on, so that the service can replay a retried write. */
  public BusRoute withIdempotencyKey() {
    return new BusRoute(forwarder, address, body, status, true);
  }

  /**
   * The same route answered from {@code cache} when it holds the answer for the same request
   * body (the operation's parameters); for reads of the regime only.
   */
  public Handler<RoutingContext> cachedIn(ReferenceCache cache) {
    return ctx -> {
      JsonObject request = body.from(ctx);
      answer(ctx, cache.get(request.isEmpty() ? "" : request.encode(), () -> forward(ctx, request)));
    };
  }

  /** The same route, emptying {@code cache} once the write it forwards has succeeded. */
  public Handler<RoutingContext> invalidating(ReferenceCache cache) {
    return ctx -> answer(ctx, forward(ctx, body.from(ctx)).onSuccess(reply -> cache.invalidate()));
  }

  @Override
  public void handle(RoutingContext ctx) {
    answer(ctx, forward(ctx, body.from(ctx)));
  }

  private Future<Buffer> forward(RoutingContext ctx, JsonObject request) {
    return forwarder.forward(ctx, address, request, idempotencyKey);
  }

  private void answer(RoutingContext ctx, Future<Buffer> reply) {
    reply.onSuccess(json -> BusForwarder.answer(ctx, status, json)).onFailure(ctx::fail);
  }
}
