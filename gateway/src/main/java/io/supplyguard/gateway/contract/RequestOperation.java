package io.supplyguard.gateway.contract;

import io.vertx.ext.web.RoutingContext;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;

/**
 * The contract's operation a request addresses, looked up once per request (on its normalised
 * path) and kept on the request, for every handler that needs it: the role check, the access log.
 */
public final class RequestOperation {
  private static final String KEY = "supplyguard.operation";
  private static final Object NONE = new Object();

  private RequestOperation() {
  }

  /** The operation, or null when the path and method name none. */
  public static Operation of(RoutingContext ctx, OpenAPIContract contract) {
    Object known = ctx.get(KEY);
    if (known == null) {
      Operation found = contract.findOperation(ctx.normalizedPath(), ctx.request().method());
      known = found != null ? found : NONE;
      ctx.put(KEY, known);
    }
    return known instanceof Operation operation ? operation : null;
  }
}
