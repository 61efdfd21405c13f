package io.supplyguard.gateway.http;

import io.supplyguard.common.bus.Addresses;
import io.supplyguard.common.bus.BusClient;
import io.supplyguard.common.bus.Role;
import io.supplyguard.common.config.Settings;
import io.supplyguard.gateway.auth.Authenticator;
import io.supplyguard.gateway.auth.TenantRepository;
import io.supplyguard.gateway.routes.Body;
import io.supplyguard.gateway.routes.BusForwarder;
import io.supplyguard.gateway.routes.LicenceCheckRoute;
import io.supplyguard.gateway.routes.TenantRoutes;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.openapi.router.OpenAPIRoute;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The public HTTP server. Its routes are built from the OpenAPI document, which validates
 * every request before a handler sees it; each operation is bound here by its operationId.
 */
public final class GatewayVerticle extends VerticleBase {
  private final Settings settings;
  private final TenantRepository tenants;
  private HttpServer server;

  public GatewayVerticle(Settings settings, TenantRepository tenants) {
    this.settings = settings;
    this.tenants = tenants;
  }

  @Override
  public Future<?> start() {
    return Contract.load(vertx)
        .compose(contract -> {
          Router router = router(contract);
          server = vertx.createHttpServer().requestHandler(router);
          return server.listen(settings.port("GATEWAY_PORT"), settings.string("GATEWAY_HOST"));
        });
  }

  @Override
  public Future<?> stop() {
    // Stops accepting connections and lets requests in flight finish, up to the grace period.
    Duration grace = settings.millis("SHUTDOWN_GRACE_MS");
    return server == null ? Future.succeededFuture() : server.shutdown(grace.toMillis(), TimeUnit.MILLISECONDS);
  }

  public int actualPort() {
    return server.actualPort();
  }

  private Router router(Contract contract) {
    Problems problems = new Problems(settings.integer("GATEWAY_RETRY_AFTER_SECONDS"));
    BusForwarder bus = new BusForwarder(new BusClient(vertx, settings.millis("BUS_TIMEOUT_MS")));
    TenantRoutes tenantRoutes = new TenantRoutes(tenants);
    Authenticator authenticator = new Authenticator(settings.string("PLATFORM_ADMIN_KEY"), tenants);

    RouterBuilder builder = RouterBuilder.create(vertx, contract.routable(), RequestExtractor.withBodyHandler())
        .rootHandler(new RequestIds())
        .rootHandler(BodyHandler.create(false).setBodyLimit(settings.integer("GATEWAY_BODY_LIMIT_BYTES")))
        .rootHandler(onlyUnderApi(authenticator));
    // Authentication is the root handler above; the contract's bearer scheme documents it.
    builder.getRoutes().forEach(route -> route.setDoSecurity(false));

    Handler<RoutingContext> admin = Authenticator.require(Role.ADMIN);
    Handler<RoutingContext> tenant = Authenticator.require(Role.TENANT);
    Body json = Body.json();
    Body id = Body.path("id");
    Body measureId = Body.path("id", "measureId");

    bind(builder, "createTenant", admin, tenantRoutes::create);
    bind(builder, "listMaterials", bus.to(Addresses.MATERIALS_LIST, Body.empty()));

    bind(builder, "listElementStates", bus.to(Addresses.REGIME_ELEMENTS, Body.query("asOf")));
    bind(builder, "listMeasures", bus.to(Addresses.REGIME_MEASURES, Body.empty()));
    bind(builder, "getMeasure", bus.to(Addresses.REGIME_MEASURE_GET, id));
    bind(builder, "createMeasure", admin, bus.to(Addresses.REGIME_MEASURE_CREATE, json).created());
    bind(builder, "amendMeasure", admin, bus.to(Addresses.REGIME_MEASURE_AMEND, Body.of(json, id)));
    bind(builder, "addSuspension", admin, bus.to(Addresses.REGIME_SUSPENSION_ADD, Body.of(json, measureId)).created());
    bind(builder, "liftSuspension", admin,
        bus.to(Addresses.REGIME_SUSPENSION_LIFT, Body.of(json, measureId, Body.path("suspensionId"))));
    bind(builder, "regimeHistory", admin, bus.to(Addresses.REGIME_HISTORY, Body.query("limit", "beforeId")));

    bind(builder, "registerLicence", tenant,
        bus.to(Addresses.LICENCE_REGISTER, json).created().withIdempotencyKey());
    bind(builder, "listLicences", bus.to(Addresses.LICENCE_LIST,
            Body.query("status", "element", "expiringWithinDays", "asOf", "limit", "offset")));
    bind(builder, "getLicence", bus.to(Addresses.LICENCE_GET, id));
    bind(builder, "changeLicenceStatus", bus.to(Addresses.LICENCE_TRANSITION, Body.of(json, id)));
    bind(builder, "drawDown", bus.to(Addresses.LICENCE_DRAWDOWN, Body.of(json, id))
        .created().withIdempotencyKey());
    bind(builder, "licenceHistory", bus.to(Addresses.LICENCE_HISTORY, id));
    bind(builder, "checkLicence", new LicenceCheckRoute(bus));

    Router router = builder.createRouter();
    ApiDocs.mount(router, contract.text());
    router.route().failureHandler(problems::handle);
    for (int status : new int[] {400, 401, 403, 404, 405, 413, 415, 500}) {
      router.errorHandler(status, problems::handle);
    }
    return router;
  }

  @SafeVarargs
  private static void bind(RouterBuilder builder, String operationId, Handler<RoutingContext>... handlers) {
    OpenAPIRoute route = builder.getRoute(operationId);
    if (route == null) {
      throw new IllegalStateException("The OpenAPI document has no operation " + operationId);
    }
    for (Handler<RoutingContext> handler : handlers) {
      route.addHandler(handler);
    }
  }

  private static Handler<RoutingContext> onlyUnderApi(Handler<RoutingContext> handler) {
    return ctx -> {
      if (ctx.request().path().startsWith("/api/")) {
        handler.handle(ctx);
      } else {
        ctx.next();
      }
    };
  }
}
