package io.supplyguard.gateway.routes;

import io.supplyguard.gateway.auth.ApiKeys;
import io.supplyguard.gateway.auth.TenantRepository;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Tenants are the gateway's own: creating one needs no other service. */
public final class TenantRoutes {
  private final TenantRepository tenants;

  public TenantRoutes(TenantRepository tenants) {
    this.tenants = tenants;
  }

  public void create(RoutingContext ctx) {
    String name = Body.json().from(ctx).getString("name").trim();
    String apiKey = ApiKeys.generate();
    tenants.create(name, ApiKeys.hash(apiKey))
        .onSuccess(id -> ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json")
            .end(new JsonObject().put("id", id.toString()).put("name", name).put("apiKey", apiKey).encode()))
        .onFailure(ctx::fail);
  }
}
