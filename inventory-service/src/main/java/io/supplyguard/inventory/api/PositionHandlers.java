package io.supplyguard.inventory.api;

import io.supplyguard.common.bus.BusRequest;
import io.supplyguard.common.bus.FieldError;
import io.supplyguard.common.bus.ServiceException;
import io.supplyguard.inventory.position.PositionKey;
import io.supplyguard.inventory.position.StockPosition;
import io.supplyguard.inventory.recompute.Recomputer;
import io.supplyguard.inventory.store.MaterialRepository;
import io.supplyguard.inventory.store.PositionRepository;
import io.supplyguard.inventory.store.SiteRepository;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** Stock positions: upsert (recomputed at once), read, and the recommendation for any date. */
final class PositionHandlers {
  private final Pool pool;
  private final Recomputer recomputer;
  private final Clock clock;
  private final double defaultServiceLevel;
  private final double defaultOrderDays;

  PositionHandlers(Pool pool, Recomputer recomputer, Clock clock, double defaultServiceLevel,
      double defaultOrderDays) {
    this.pool = pool;
    this.recomputer = recomputer;
    this.clock = clock;
    this.defaultServiceLevel = defaultServiceLevel;
    this.defaultOrderDays = defaultOrderDays;
  }

  Future<JsonObject> upsert(BusRequest request) {
    PositionKey key = key(request, request.requireTenant());
    PositionInput.Parsed parsed = PositionInput.read(request.body(), defaultServiceLevel, defaultOrderDays);
    return Future.all(SiteRepository.exists(pool, key.tenantId(), key.siteId()),
        MaterialRepository.byId(pool, key.materialId())).compose(found -> {
      if (!found.<Boolean>resultAt(0)) {
        throw ServiceException.notFound("Site " + key.siteId() + " (create it with POST /api/v1/sites first)");
      }
      if (found.<java.util.Optional<?>>resultAt(1).isEmpty()) {
        throw new ServiceException(io.supplyguard.common.bus.FailureCode.BAD_REQUEST,
            "Material " + key.materialId() + " is not in the catalogue.",
            List.of(new FieldError("materialId", "is not in the material catalogue")));
      }
      StockPosition draft = new StockPosition(key, parsed.inputs(), parsed.endUse(), parsed.destination(), List.of(),
          null, parsed.consignee());
      return PositionRepository.upsert(pool, draft).compose(v -> find(key));
    }).compose(stored -> recomputer.recomputeAndStore(List.of(stored), LocalDate.now(clock), request.requestId())
        .map(computed -> new JsonObject()
            .put("position", json(stored))
            .put("recommendation", computed.get(0).json())));
  }

  Future<JsonObject> get(BusRequest request) {
    return find(key(request, request.requireTenant())).map(PositionHandlers::json);
  }

  /** The recommendation for any date, computed now and not stored. */
  Future<JsonObject> recommendation(BusRequest request) {
    PositionKey key = key(request, request.requireTenant());
    LocalDate asOf = AsOf.of(request.body(), clock);
    return find(key).compose(p -> recomputer.compute(List.of(p), asOf, null, request.requestId()))
        .map(computed -> computed.get(0).json());
  }

  Future<StockPosition> find(PositionKey key) {
    return PositionRepository.find(pool, key).map(found -> found.orElseThrow(() -> ServiceException.notFound(
        "Position of " + key.materialId() + " at site " + key.siteId())));
  }

  static PositionKey key(BusRequest request, String tenantId) {
    return new PositionKey(tenantId, request.body().getString("siteId"), request.body().getString("materialId"));
  }

  static JsonObject json(StockPosition p) {
    return PositionInput.json(p.key().siteId(), p.key().materialId(),
        new PositionInput.Parsed(p.inputs(), p.endUse(), p.destination(), p.consignee()));
  }
}
