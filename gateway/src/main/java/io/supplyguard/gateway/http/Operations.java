package io.supplyguard.gateway.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.OpenAPIRoute;
import io.vertx.ext.web.openapi.router.RouterBuilder;

/**
 * The operations of the OpenAPI document, bound to their handlers by operationId. Each area of
 * the API binds its own in a subclass ({@link TenantOperations}, {@link RegimeOperations},
 * {@link LicenceOperations}, {@link InventoryOperations}), one line per operation:
 * {@code bind(builder, "operationId", handler)}. Who may call an operation is the contract's
 * {@code x-roles}, checked by {@link RoleCheck} before validation.
 */
abstract class Operations {

  Operations() {
  }

  /** Adds {@code handlers}, in order, to the route of {@code operationId}, after the contract's validation. */
  @SafeVarargs
  static void bind(RouterBuilder builder, String operationId, Handler<RoutingContext>... handlers) {
    OpenAPIRoute route = builder.getRoute(operationId);
    if (route == null) {
      throw new IllegalStateException("The OpenAPI document has no operation " + operationId);
    }
    for (Handler<RoutingContext> handler : handlers) {
      route.addHandler(handler);
    }
  }
}
