package io.supplyguard.gateway.routes;

import io.supplyguard.common.bus.BusClient;
import io.supplyguard.common.bus.ServiceException;
import io.supplyguard.gateway.auth.Authenticator;
import io.supplyguard.gateway.auth.Principal;
import io.supplyguard.gateway.tracing.RequestIds;
import io.supplyguard.gateway.resilience.Downstream;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Routes that are answered by one downstream service: the validated request becomes a bus
 * message carrying the caller's identity, sent within that service's timeout and through its
 * circuit, and the reply becomes the response. Failures go to the error mapper.
 */
public final class BusForwarder {
  /** The header a client makes a write safe to retry with (docs/api-guide.md). */
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private final Downstream downstream;

  public BusForwarder(Downstream downstream) {
    this.downstream = downstream;
  }

  /** A route answered by one request to {@code address}: 200 with the reply as it is. */
  public BusRoute to(String address, Body body) {
    return new BusRoute(this, address, body);
  }

  /**
   * Sends {@code body} to {@code address} for the caller of {@code ctx} (and the tenant it acts
   * for, see {@link ActingTenant}), with the client's Idempotency-Key when the route passes it on.
   */
  Future<JsonObject> send(RoutingContext ctx, String address, JsonObject body, boolean withIdempotencyKey) {
    return forward(ctx, address, body, withIdempotencyKey).map(JsonObject::new);
  }

  /** The same, with the reply as the service encoded it, to be passed on unread. */
  Future<Buffer> forward(RoutingContext ctx, String address, JsonObject body, boolean withIdempotencyKey) {
    Principal principal = Authenticator.principal(ctx);
    String tenantId;
    try {
      tenantId = ActingTenant.of(ctx, principal);
    } catch (ServiceException e) {
      return Future.failedFuture(e);
    }
    String idempotencyKey = withIdempotencyKey ? ctx.request().getHeader(IDEMPOTENCY_KEY) : null;
    return downstream.request(address, body,
        new BusClient.Caller(RequestIds.of(ctx), tenantId, principal.role(), idempotencyKey));
  }

  static void answer(RoutingContext ctx, int status, JsonObject json) {
    answer(ctx, status, json.toBuffer());
  }

  static void answer(RoutingContext ctx, int status, Buffer json) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(json);
  }
}
