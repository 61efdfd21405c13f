package io.supplyguard.inventory.api;

import io.supplyguard.common.bus.BusRequest;
import io.supplyguard.common.bus.FailureCode;
import io.supplyguard.common.bus.ServiceException;
import io.supplyguard.inventory.position.PositionKey;
import io.supplyguard.inventory.position.StockPosition;
import io.supplyguard.inventory.recompute.Recommender;
import io.supplyguard.inventory.recompute.Recomputer;
import io.supplyguard.inventory.recompute.RegimeReach;
import io.supplyguard.inventory.store.PositionRepository;
import io.supplyguard.inventory.store.PositionRepository.Selection;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What-if over every tenant a regime change would reach (ADMIN; the dry run of an announcement):
 * the positions its {@code regime.changed} message would select ({@link RegimeReach}, as the
 * recompute of the published change does), a page at a time, each computed as things are and
 * under the scenario with the same {@link Recommender} (one supply-conditions round trip per
 * tenant in the page), and those whose condition, status or reorder point differ answered per
 * tenant. Nothing is stored.
 */
final class RegimeChangeScenario {
  private static final int PAGE = 2_000;
  private static final int MAX_POSITIONS = 100_000;

  private final Pool pool;
  private final Recomputer recomputer;
  private final Clock clock;

  RegimeChangeScenario(Pool pool, Recomputer recomputer, Clock clock) {
    this.pool = pool;
    this.recomputer = recomputer;
    this.clock = clock;
  }

  Future<JsonObject> run(BusRequest request) {
    request.requireAdmin();
    LocalDate asOf = AsOf.of(request.body(), clock);
    JsonObject change = request.body().getJsonObject("change");
    JsonObject scenario = request.body().getJsonObject("scenario");
    // The positions the published change would recompute: those it reaches, and those naming a
    // consignee when it changes the lists of parties (each once).
    List<Selection> selections = new ArrayList<>();
    if (change.getBoolean("consigneesAffected", false)) {
      selections.add(new Selection.WithConsignee());
    }
    Selection reached = RegimeReach.of(change);
    if (reached != null) {
      selections.add(reached);
    }
    Map<String, JsonArray> byTenant = new LinkedHashMap<>();
    Set<PositionKey> done = new HashSet<>();
    Future<Void> all = Future.succeededFuture();
    for (Selection selection : selections) {
      all = all.compose(v -> page(selection, null, asOf, scenario, request.requestId(), byTenant, done));
    }
    return all.map(v -> {
      JsonArray tenants = new JsonArray();
      byTenant.forEach((tenant, affected) -> tenants.add(new JsonObject().put("tenantId", tenant)
          .put("positions", affected)));
      return new JsonObject().put("asOf", asOf.toString()).put("tenants", tenants);
    });
  }

  private Future<Void> page(Selection selection, PositionKey after, LocalDate asOf, JsonObject scenario,
      String requestId, Map<String, JsonArray> byTenant, Set<PositionKey> done) {
    return PositionRepository.page(pool, selection, after, PAGE).compose(whole -> {
      if (whole.isEmpty()) {
        return Future.succeededFuture();
      }
      List<StockPosition> page = whole.stream().filter(p -> done.add(p.key())).toList();
      if (done.size() > MAX_POSITIONS) {
        return Future.failedFuture(new ServiceException(FailureCode.UNPROCESSABLE,
            "A dry run covers at most " + MAX_POSITIONS + " positions."));
      }
      if (page.isEmpty()) {
        return whole.size() < PAGE ? Future.succeededFuture()
            : page(selection, whole.get(whole.size() - 1).key(), asOf, scenario, requestId, byTenant, done);
      }
      return ScenarioDifferences.of(recomputer, page, asOf, scenario, requestId).compose(differences -> {
        for (ScenarioDifferences.Difference d : differences) {
          PositionKey key = d.position().key();
          byTenant.computeIfAbsent(key.tenantId(), t -> new JsonArray()).add(new JsonObject()
              .put("siteId", key.siteId()).put("materialId", key.materialId())
              .put("from", summary(d.now())).put("to", summary(d.hypothetical())));
        }
        return whole.size() < PAGE ? Future.succeededFuture()
            : page(selection, whole.get(whole.size() - 1).key(), asOf, scenario, requestId, byTenant, done);
      });
    });
  }

  /** The figures a dry run compares, as the stored recommendation shows them. */
  private static JsonObject summary(Recommender.Computed computed) {
    JsonObject json = computed.json();
    return new JsonObject().put("condition", json.getValue("condition")).put("reorderPoint", json.getValue("reorderPoint"))
        .put("status", json.getValue("status"));
  }
}
