package io.supplyguard.gateway.tracing;

import io.supplyguard.common.logging.RequestLog;
import io.supplyguard.gateway.auth.Principal;
import io.supplyguard.gateway.contract.RequestOperation;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * One line per request, written when the response ends (or the connection drops): method,
 * route (the contract's path template, so that lines group by operation rather than by id),
 * tenant, status, duration and bytes sent. The request id is in the line's MDC. A platform
 * handler, so that it times the whole request, body included.
 */
public final class AccessLog implements PlatformHandler {
  private final OpenAPIContract contract;

  public AccessLog(OpenAPIContract contract) {
    this.contract = contract;
  }

  @Override
  public void handle(RoutingContext ctx) {
    long started = System.nanoTime();
    ctx.addEndHandler(ended -> {
      LoggingEventBuilder line = RequestLog.LOG.atInfo()
          .addKeyValue("method", ctx.request().method().name())
          .addKeyValue("route", route(ctx));
      Principal principal = ctx.get(Principal.CONTEXT_KEY);
      if (principal != null) {
        line = principal.tenantId() == null ? line : line.addKeyValue("tenant", principal.tenantId());
        line = line.addKeyValue("role", principal.role().name());
      }
      line.addKeyValue("status", ctx.response().getStatusCode())
          .addKeyValue("durationMs", (System.nanoTime() - started) / 1_000_000)
          .addKeyValue("bytes", ctx.response().bytesWritten())
          .addKeyValue("completed", ended.succeeded())
          .log("http request");
    });
    ctx.next();
  }

  private String route(RoutingContext ctx) {
    String path = ctx.normalizedPath();
    if (!path.startsWith("/api/")) {
      return path;
    }
    Operation operation = RequestOperation.of(ctx, contract);
    return operation == null ? "unmatched" : operation.getOpenAPIPath();
  }
}
