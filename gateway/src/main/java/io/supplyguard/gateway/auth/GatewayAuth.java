package io.supplyguard.gateway.auth;

import io.supplyguard.common.config.Settings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;

/**
 * Authentication as the settings describe it: the admin key, API keys through a cache that
 * every replica's revocations reach, and JWTs. {@link #listen()} before serving requests.
 */
public record GatewayAuth(Authenticator authenticator, KeyRevocations revocations) {

  public static GatewayAuth create(Vertx vertx, Settings settings, TenantRepository tenants) {
    Duration ttl = settings.millis("GATEWAY_KEY_CACHE_TTL_MS");
    KeyCache cache = new KeyCache(settings.integer("GATEWAY_KEY_CACHE_SIZE"), ttl);
    JwtVerifier jwts = JwtVerifier.create(vertx, settings, tenants, ttl);
    return new GatewayAuth(new Authenticator(settings.string("PLATFORM_ADMIN_KEY"), tenants, cache, jwts),
        new KeyRevocations(vertx, cache));
  }

  /** Completes once this gateway hears other replicas' revocations. */
  public Future<Void> listen() {
    return revocations.listen().mapEmpty();
  }
}
