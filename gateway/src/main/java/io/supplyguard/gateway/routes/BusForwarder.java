package io.supplyguard.gateway.routes;

import io.supplyguard.common.bus.BusClient;
import io.supplyguard.gateway.auth.Authenticator;
import io.supplyguard.gateway.auth.Principal;
import io.supplyguard.gateway.http.RequestIds;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.ValidatedRequest;
import java.util.function.Function;

/**
 * Routes that are answered by a service: the validated request becomes a bus message carrying
 * the caller's identity, and the reply becomes the response. Failures go to the error mapper.
 */
public final class BusForwarder {
  private final BusClient bus;

  public BusForwarder(BusClient bus) {
    this.bus = bus;
  }

  public Handler<RoutingContext> to(String address, Function<ValidatedRequest, JsonObject> body) {
    return ctx -> {
      Principal principal = Authenticator.principal(ctx);
      bus.request(address, body.apply(validated(ctx)),
              new BusClient.Caller(RequestIds.of(ctx), principal.tenantId(), principal.role()))
          .onSuccess(reply -> ctx.response().putHeader("Content-Type", "application/json").end(reply.encode()))
          .onFailure(ctx::fail);
    };
  }

  /** A body with no fields, for requests that carry none. */
  public static JsonObject empty(ValidatedRequest request) {
    return new JsonObject();
  }

  /** Copies the named query parameters that are present into a body. */
  public static Function<ValidatedRequest, JsonObject> query(String... names) {
    return request -> {
      JsonObject body = new JsonObject();
      for (String name : names) {
        RequestParameter value = request.getQuery().get(name);
        if (value != null && !value.isNull()) {
          body.put(name, value.get());
        }
      }
      return body;
    };
  }

  static ValidatedRequest validated(RoutingContext ctx) {
    return ctx.get(RouterBuilder.KEY_META_DATA_VALIDATED_REQUEST);
  }
}
