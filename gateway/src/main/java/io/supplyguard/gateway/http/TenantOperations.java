package io.supplyguard.gateway.http;

import io.supplyguard.common.bus.Role;
import io.supplyguard.gateway.auth.Authenticator;
import io.supplyguard.gateway.auth.TenantRepository;
import io.supplyguard.gateway.routes.TenantRoutes;
import io.vertx.ext.web.openapi.router.RouterBuilder;

/** Tenants and their keys: the gateway's own, answered without a service. */
final class TenantOperations extends Operations {

  private TenantOperations() {
  }

  static void bind(RouterBuilder builder, TenantRepository tenants) {
    bind(builder, "createTenant", Authenticator.require(Role.ADMIN), new TenantRoutes(tenants)::create);
  }
}
