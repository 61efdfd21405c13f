package io.supplyguard.gateway.http;

import io.supplyguard.common.config.Settings;
import io.supplyguard.gateway.auth.GatewayAuth;
import io.supplyguard.gateway.contract.Contract;
import io.supplyguard.gateway.contract.RequestValidation;
import io.supplyguard.gateway.routes.BusForwarder;
import io.supplyguard.gateway.tracing.AccessLog;
import io.supplyguard.gateway.tracing.RequestIds;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The public HTTP server. Its routes are built from the OpenAPI document, which validates
 * every request before a handler sees it; the operations of each area are bound by their
 * operationId in {@link RegimeOperations}, {@link LicenceOperations}, {@link InventoryOperations},
 * {@link TenantOperations} and {@link NotificationOperations}. Requests in flight are bounded and each
 * tenant is rate-limited; each downstream service is reached through its own timeout and circuit
 * (package {@code resilience}). A gateway runs several instances, one per event loop, on one port;
 * whatever must hold for the whole process (limits, circuits, caches) is in {@link GatewayShared}.
 */
public final class GatewayVerticle extends VerticleBase {
  private final GatewayShared shared;
  private HttpServer server;

  /** One instance of the gateway's HTTP server; every instance of a gateway gets the same {@code shared}. */
  public GatewayVerticle(GatewayShared shared) {
    this.shared = shared;
  }

  @Override
  public Future<?> start() {
    server = vertx.createHttpServer().requestHandler(router());
    return server.listen(shared.port(), shared.settings().string("GATEWAY_HOST"));
  }

  @Override
  public Future<?> stop() {
    // Stops accepting connections and lets requests in flight finish, up to the grace period.
    Duration grace = shared.settings().millis("SHUTDOWN_GRACE_MS");
    return server == null ? Future.succeededFuture() : server.shutdown(grace.toMillis(), TimeUnit.MILLISECONDS);
  }

  public int actualPort() {
    return server.actualPort();
  }

  /** This instance's router: its own handlers, over the parts every instance shares. */
  private Router router() {
    Settings settings = shared.settings();
    Contract contract = shared.contract();
    GatewayAuth auth = shared.auth();
    Problems problems = new Problems(settings.integer("GATEWAY_RETRY_AFTER_SECONDS"));
    BusForwarder licences = new BusForwarder(shared.downstreams().licence());
    BusForwarder inventory = new BusForwarder(shared.downstreams().inventory());

    RoleCheck roles = new RoleCheck(contract.routable());
    RequestExtractor extractor = RequestExtractor.withBodyHandler();
    RequestValidation validation = new RequestValidation(vertx, contract.routable(), extractor);
    RouterBuilder builder = RouterBuilder.create(vertx, contract.routable(), extractor)
        .rootHandler(new RequestIds())
        .rootHandler(new AccessLog(contract.routable()))
        .rootHandler(shared.inFlight())
        .rootHandler(BodyHandler.create(false).setBodyLimit(settings.integer("GATEWAY_BODY_LIMIT_BYTES")))
        .rootHandler(onlyUnderApi(auth.authenticator()))
        .rootHandler(onlyUnderApi(roles))
        .rootHandler(onlyUnderApi(new JsonBodiesOnly()))
        .rootHandler(onlyUnderApi(shared.rateLimits()));
    // Authentication and the contract's x-roles are the root handlers above, before validation;
    // the contract's security schemes document them. Each route checks the roles again first,
    // then validates the request (on the event loop: see RequestValidation).
    builder.getRoutes().forEach(route -> route.setDoSecurity(false).setDoValidation(false)
        .addHandler(roles::onRoute).addHandler(validation.of(route.getOperation())));

    TenantOperations.bind(builder, shared.tenants(), auth.revocations());
    RegimeOperations.bind(builder, licences, shared.regimeAnswers());
    LicenceOperations.bind(builder, licences, inventory);
    InventoryOperations.bind(builder, inventory);
    NotificationOperations.bind(builder, shared.notifications());

    Router router = builder.createRouter();
    ApiDocs.mount(router, contract.text());
    router.route().failureHandler(problems::handle);
    for (int status : new int[] {400, 401, 403, 404, 405, 413, 415, 500}) {
      router.errorHandler(status, problems::handle);
    }
    return router;
  }

  private static Handler<RoutingContext> onlyUnderApi(Handler<RoutingContext> handler) {
    return ctx -> {
      if (ctx.normalizedPath().startsWith("/api/")) {
        handler.handle(ctx);
      } else {
        ctx.next();
      }
    };
  }
}
