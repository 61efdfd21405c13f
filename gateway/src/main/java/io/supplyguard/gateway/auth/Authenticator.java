package io.supplyguard.gateway.auth;

import io.supplyguard.common.bus.Role;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.Optional;

/**
 * Resolves {@code Authorization: Bearer <token>} to a {@link Principal}: the platform's admin
 * key (held only as a hash), a JWT ({@link JwtVerifier}), or a tenant's API key (looked up
 * through the {@link KeyCache}). Anything else is a 401.
 */
public final class Authenticator implements Handler<RoutingContext> {
  private static final String BEARER = "Bearer ";

  private final String adminKeyHash;
  private final TenantRepository tenants;
  private final KeyCache keys;
  private final JwtVerifier jwts;

  public Authenticator(String adminKey, TenantRepository tenants, KeyCache keys, JwtVerifier jwts) {
    this.adminKeyHash = ApiKeys.hash(adminKey);
    this.tenants = tenants;
    this.keys = keys;
    this.jwts = jwts;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    String token = header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())
        ? "" : header.substring(BEARER.length()).trim();
    if (token.isEmpty()) {
      ctx.fail(new HttpException(401, "Send an API key or a JWT as Authorization: Bearer <token>."));
      return;
    }
    principal(token).onComplete(found -> {
      if (found.failed()) {
        ctx.fail(found.cause());
      } else {
        ctx.put(Principal.CONTEXT_KEY, found.result());
        ctx.next();
      }
    });
  }

  private Future<Principal> principal(String token) {
    String keyHash = ApiKeys.hash(token);
    if (ApiKeys.sameHash(keyHash, adminKeyHash)) {
      return Future.succeededFuture(new Principal(null, Role.ADMIN));
    }
    if (JwtVerifier.looksLikeJwt(token)) {
      return jwts.verify(token);
    }
    return keys.get(keyHash, tenants::findByKeyHash).compose(found -> found
        .map(grant -> Future.succeededFuture(grant.principal()))
        .orElseGet(() -> Future.failedFuture(new HttpException(401, "The API key is not valid."))));
  }

  public static Principal principal(RoutingContext ctx) {
    return Optional.<Principal>ofNullable(ctx.get(Principal.CONTEXT_KEY))
        .orElseThrow(() -> new IllegalStateException("route reached without authentication"));
  }
}
