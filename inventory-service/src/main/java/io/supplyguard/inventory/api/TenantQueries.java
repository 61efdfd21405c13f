package io.supplyguard.inventory.api;

import io.supplyguard.common.bus.BodyReader;
import io.supplyguard.common.bus.BusRequest;
import io.supplyguard.common.bus.FailureCode;
import io.supplyguard.common.bus.FieldError;
import io.supplyguard.common.bus.ServiceException;
import io.supplyguard.inventory.buffer.PositionStatus;
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

/** A tenant's sites, stored recommendations and alerts. */
final class TenantQueries {
  private final Pool pool;

  TenantQueries(Pool pool) {
    this.pool = pool;
  }

  Future<JsonObject> createSite(BusRequest request) {
    String tenant = request.requireTenant();
    BodyReader in = new BodyReader(request.body());
    String id = in.text("id", true, 61);
    if (id != null && !id.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,60}")) {
      in.error("id", "must be letters, digits, dashes and underscores, such as plant-01");
    }
    String name = in.text("name", true, 200);
    String country = in.country("country", false);
    in.check();
    return SiteRepository.create(pool, tenant, id, name, country).map(created -> created.map(TenantQueries::json)
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
    BodyReader in = new BodyReader(request.body());
    PositionStatus status = in.oneOf("status", PositionStatus.class, false);
    Integer limit = in.integer("limit", false, 1, 500);
    Integer offset = in.integer("offset", false, 0, Integer.MAX_VALUE);
    in.check();
    return RecommendationRepository.list(pool, tenant, status == null ? null : status.name(), limit == null ? 100 : limit,
        offset == null ? 0 : offset).map(all -> new JsonObject().put("recommendations", new JsonArray(all.stream()
            .map(r -> RecommendationJson.of(r.key(), r.asOf(), r.recommendation(), r.determination())).toList())));
  }

  Future<JsonObject> listAlerts(BusRequest request) {
    String tenant = request.requireTenant();
    BodyReader in = new BodyReader(request.body());
    PositionStatus status = in.oneOf("status", PositionStatus.class, false);
    String siteId = in.text("siteId", false, 61);
    String materialId = in.text("materialId", false, 61);
    Integer limit = in.integer("limit", false, 1, 500);
    Long beforeId = in.longValue("beforeId", false);
    in.check();
    return AlertRepository.list(pool, tenant, status == null ? null : status.name(), siteId, materialId,
            beforeId == null ? Long.MAX_VALUE : beforeId, limit == null ? 100 : limit)
        .map(all -> new JsonObject().put("alerts", new JsonArray(all.stream().map(a -> {
          a.remove("tenantId");
          return a;
        }).toList())));
  }
}
