package io.supplyguard.inventory.api;

import io.supplyguard.common.bus.BusRequest;
import io.supplyguard.common.bus.FailureCode;
import io.supplyguard.common.bus.FieldError;
import io.supplyguard.common.bus.ServiceException;
import io.supplyguard.inventory.recompute.RecommendationJson;
import io.supplyguard.inventory.site.Site;
import io.supplyguard.inventory.store.AlertRepository;
import io.supplyguard.inventory.store.RecommendationRepository;
import io.supplyguard.inventory.store.SiteRepository;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.util.List;

/** A tenant's sites, stored recommendations and alerts; requests as the bus contract checked them. */
final class TenantQueries {
  private final Pool pool;

  TenantQueries(Pool pool) {
    this.pool = pool;
  }

  Future<JsonObject> createSite(BusRequest request) {
    String tenant = request.requireTenant();
    JsonObject in = request.body();
    String id = in.getString("id");
    return SiteRepository.create(pool, tenant, id, in.getString("name").trim(), in.getString("country"))
        .map(created -> created.map(TenantQueries::json)
            .orElseThrow(() -> new ServiceException(FailureCode.CONFLICT, "Site " + id + " exists already.",
                List.of(new FieldError("id", "is taken")))));
  }

  Future<JsonObject> listSites(BusRequest request) {
    return SiteRepository.list(pool, request.requireTenant()).map(all -> new JsonObject()
        .put("sites", new JsonArray(all.stream().map(TenantQueries::json).toList())));
  }

  private static JsonObject json(Site site) {
    JsonObject json = new JsonObject().put("id", site.id()).put("name", site.name())
        .put("createdAt", site.createdAt().toString());
    if (site.country() != null) {
      json.put("country", site.country());
    }
    return json;
  }

  Future<JsonObject> listRecommendations(BusRequest request) {
    String tenant = request.requireTenant();
    JsonObject in = request.body();
    return RecommendationRepository.list(pool, tenant, in.getString("status"), in.getInteger("limit", 100),
        in.getInteger("offset", 0)).map(all -> new JsonObject().put("recommendations", new JsonArray(all.stream()
            .map(r -> RecommendationJson.of(r.key(), r.asOf(), r.recommendation(), r.determination())).toList())));
  }

  Future<JsonObject> listAlerts(BusRequest request) {
    String tenant = request.requireTenant();
    JsonObject in = request.body();
    return AlertRepository.list(pool, tenant, in.getString("status"), in.getString("siteId"),
            in.getString("materialId"), in.getLong("beforeId", Long.MAX_VALUE), in.getInteger("limit", 100))
        .map(all -> new JsonObject().put("alerts", new JsonArray(all.stream().map(a -> {
          a.remove("tenantId");
          return a;
        }).toList())));
  }
}
