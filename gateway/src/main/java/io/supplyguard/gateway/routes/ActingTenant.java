package io.supplyguard.gateway.routes;

import io.supplyguard.common.bus.Role;
import io.supplyguard.common.bus.ServiceException;
import io.supplyguard.gateway.auth.Principal;
import io.vertx.ext.web.RoutingContext;

/**
 * The tenant a request acts for: the caller's own, or, for ADMIN (who reads everything), the
 * one it names in the {@code tenantId} query parameter of a read that declares it. A TENANT
 * naming a tenant is a 400: its credentials already say which tenant it is.
 */
final class ActingTenant {
  static final String PARAMETER = "tenantId";
  private static final Body NAMED = Body.query(PARAMETER);

  private ActingTenant() {
  }

  static String of(RoutingContext ctx, Principal principal) {
    Object named = NAMED.from(ctx).getValue(PARAMETER);
    if (named == null) {
      return principal.tenantId();
    }
    if (principal.role() != Role.ADMIN) {
      throw ServiceException.invalidField(PARAMETER, "is for ADMIN only; a tenant's credentials read its own data");
    }
    return named.toString();
  }
}
