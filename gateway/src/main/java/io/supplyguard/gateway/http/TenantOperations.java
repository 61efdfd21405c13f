package io.supplyguard.gateway.http;

import io.supplyguard.gateway.auth.KeyRevocations;
import io.supplyguard.gateway.auth.TenantRepository;
import io.supplyguard.gateway.routes.KeyRoutes;
import io.supplyguard.gateway.routes.TenantRoutes;
import io.vertx.ext.web.openapi.router.RouterBuilder;

/** Tenants and their keys: the gateway's own, answered without a service. */
final class TenantOperations extends Operations {

  private TenantOperations() {
  }

  static void bind(RouterBuilder builder, TenantRepository tenants, KeyRevocations revocations) {
    KeyRoutes keys = new KeyRoutes(tenants, revocations);
    bind(builder, "createTenant", new TenantRoutes(tenants)::create);
    bind(builder, "listKeys", keys::list);
    bind(builder, "issueKey", keys::issue);
    bind(builder, "rotateKey", keys::rotate);
    bind(builder, "revokeKey", keys::revoke);
  }
}
