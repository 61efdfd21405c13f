package io.supplyguard.common.ops;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.CheckResult;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The management port of a service: {@code /metrics} in Prometheus text format,
 * {@code /health/live} (the process answers) and {@code /health/ready} (it can serve: 200
 * with every check, or 503 naming the check that failed).
 */
public final class ManagementServer {
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final Vertx vertx;
  private final PrometheusMeterRegistry registry;
  private final HealthChecks readiness;
  private HttpServer server;

  public ManagementServer(Vertx vertx, PrometheusMeterRegistry registry, HealthChecks readiness) {
    this.vertx = vertx;
    this.registry = registry;
    this.readiness = readiness;
  }

  public Future<Void> listen(String host, int port) {
    Router router = Router.router(vertx);
    router.get("/metrics").handler(this::metrics);
    router.get("/health/live").handler(ctx -> json(ctx, 200, new JsonObject().put("status", "UP")));
    router.get("/health/ready").handler(this::ready);
    server = vertx.createHttpServer().requestHandler(router);
    return server.listen(port, host).mapEmpty();
  }

  public int actualPort() {
    return server.actualPort();
  }

  private void metrics(RoutingContext ctx) {
    // Scraping walks every meter: keep it off the event loop.
    vertx.executeBlocking(registry::scrape, false)
        .onSuccess(text -> ctx.response().putHeader("Content-Type", PROMETHEUS_TEXT).end(text))
        .onFailure(ctx::fail);
  }

  private void ready(RoutingContext ctx) {
    readiness.checkStatus().onComplete(done -> {
      CheckResult result = done.succeeded() ? done.result() : CheckResult.from("readiness", done.cause());
      boolean up = CheckResult.isUp(result);
      JsonObject body = result.toJson().put("status", up ? "UP" : "DOWN");
      json(ctx, up ? 200 : 503, body);
    });
  }

  private static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
  }
}
