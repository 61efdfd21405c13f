package io.supplyguard.gateway.resilience;

import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.supplyguard.common.bus.Role;
import io.supplyguard.common.config.Settings;
import io.supplyguard.gateway.auth.Authenticator;
import io.supplyguard.gateway.auth.Principal;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * The per-tenant rate limit, after authentication: every answer carries {@code RateLimit-Policy}
 * and {@code RateLimit}; a tenant out of tokens gets a 429 with {@code Retry-After}. The platform's
 * ADMIN has a bucket of its own.
 */
public final class RateLimitHandler implements Handler<RoutingContext> {
  private final TenantRateLimits limits;
  private final String policyHeader;
  private final Counter rejected;

  RateLimitHandler(TenantRateLimits limits, MeterRegistry registry) {
    this.limits = limits;
    this.policyHeader = limits.policy().header();
    this.rejected = Rejections.counter(registry, "rate_limited");
  }

  public static RateLimitHandler create(Settings settings, MeterRegistry registry) {
    return new RateLimitHandler(new TenantRateLimits(RateLimitPolicy.from(settings), TimeMeter.SYSTEM_NANOTIME),
        registry);
  }

  @Override
  public void handle(RoutingContext ctx) {
    RateLimitDecision decision = limits.take(key(Authenticator.principal(ctx)));
    ctx.response().putHeader("RateLimit-Policy", policyHeader).putHeader("RateLimit", decision.header());
    if (decision.allowed()) {
      ctx.next();
    } else {
      rejected.increment();
      ctx.fail(Rejection.rateLimited(decision.retryAfterSeconds()));
    }
  }

  private static String key(Principal principal) {
    return principal.role() == Role.ADMIN ? "role:ADMIN" : "tenant:" + principal.tenantId();
  }
}
