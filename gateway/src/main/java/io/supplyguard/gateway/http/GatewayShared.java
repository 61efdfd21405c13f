package io.supplyguard.gateway.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.supplyguard.common.config.Settings;
import io.supplyguard.gateway.auth.GatewayAuth;
import io.supplyguard.gateway.auth.TenantRepository;
import io.supplyguard.gateway.contract.Contract;
import io.supplyguard.gateway.notifications.NotificationsVerticle;
import io.supplyguard.gateway.resilience.Downstreams;
import io.supplyguard.gateway.resilience.InFlightLimit;
import io.supplyguard.gateway.resilience.RateLimitHandler;
import io.supplyguard.gateway.routes.ReferenceCache;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What every {@link GatewayVerticle} instance of one gateway shares, built once: the state that
 * is the gateway's and not one event loop's. A tenant's rate limit, the bound on requests in
 * flight and a downstream's circuit must hold for the process whatever the number of instances
 * (per instance, each would let through its own share again); the caches, the contract and the
 * revocation listener would only be duplicated; metrics are registered once. Each part is safe to
 * use from every instance's event loop at once.
 *
 * @param port the port every instance listens on; Vert.x spreads connections among them
 */
public record GatewayShared(Settings settings, TenantRepository tenants, Contract contract, GatewayAuth auth,
    ReferenceCache regimeAnswers, Downstreams downstreams, InFlightLimit inFlight, RateLimitHandler rateLimits,
    NotificationsVerticle notifications, int port) {

  /** Distinguishes the random ports of several gateways in one Vert.x (tests); see {@link #listenPort}. */
  private static final AtomicInteger RANDOM_PORTS = new AtomicInteger();

  /** Builds the shared parts; completes once the contract is loaded and every listener registered. */
  public static Future<GatewayShared> create(Vertx vertx, Settings settings, TenantRepository tenants,
      MeterRegistry metrics, NotificationsVerticle notifications) {
    GatewayAuth auth = GatewayAuth.create(vertx, settings, tenants);
    Downstreams downstreams = Downstreams.create(vertx, settings, metrics);
    InFlightLimit inFlight = InFlightLimit.create(settings, metrics);
    RateLimitHandler rateLimits = RateLimitHandler.create(settings, metrics);
    int port = listenPort(settings.port("GATEWAY_PORT"));
    return Future.all(Contract.load(vertx), auth.listen(), ReferenceCache.listen(vertx))
        .map(loaded -> new GatewayShared(settings, tenants, loaded.resultAt(0), auth, loaded.resultAt(2),
            downstreams, inFlight, rateLimits, notifications, port));
  }

  /**
   * Vert.x lets servers share a port only when it is named: with port 0 (any free port, as tests
   * ask) each instance would bind a port of its own. A negative port binds one free port shared by
   * every server given the same number, so 0 becomes a number of this gateway's own.
   */
  private static int listenPort(int configured) {
    return configured != 0 ? configured : -RANDOM_PORTS.incrementAndGet();
  }
}
