package io.supplyguard.gateway.auth;

import io.supplyguard.common.bus.Role;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.Optional;

/**
 * Resolves {@code Authorization: Bearer <key>} to a {@link Principal}: the platform's admin
 * key (held only as a hash) or a tenant's key. Anything else is a 401.
 */
public final class Authenticator implements Handler<RoutingContext> {
  private static final String BEARER = "Bearer ";

  private final String adminKeyHash;
  private final TenantRepository tenants;

  public Authenticator(String adminKey, TenantRepository tenants) {
    this.adminKeyHash = ApiKeys.hash(adminKey);
    this.tenants = tenants;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())
        || header.length() == BEARER.length()) {
      ctx.fail(new HttpException(401, "Send an API key as Authorization: Bearer <key>."));
      return;
    }
    String keyHash = ApiKeys.hash(header.substring(BEARER.length()).trim());
    if (ApiKeys.sameHash(keyHash, adminKeyHash)) {
      accept(ctx, new Principal(null, Role.ADMIN));
      return;
    }
    tenants.findByKeyHash(keyHash).onComplete(found -> {
      if (found.failed()) {
        ctx.fail(found.cause());
      } else if (found.result().isEmpty()) {
        ctx.fail(new HttpException(401, "The API key is not valid."));
      } else {
        accept(ctx, found.result().get());
      }
    });
  }

  private static void accept(RoutingContext ctx, Principal principal) {
    ctx.put(Principal.CONTEXT_KEY, principal);
    ctx.next();
  }

  public static Principal principal(RoutingContext ctx) {
    return Optional.<Principal>ofNullable(ctx.get(Principal.CONTEXT_KEY))
        .orElseThrow(() -> new IllegalStateException("route reached without authentication"));
  }

  /** A handler that lets only {@code role} through, with a 403 for everyone else. */
  public static Handler<RoutingContext> require(Role role) {
    return ctx -> {
      if (principal(ctx).role() == role) {
        ctx.next();
      } else {
        ctx.fail(new HttpException(403, "This operation needs the " + role + " role."));
      }
    };
  }
}
