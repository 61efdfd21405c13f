package io.supplyguard.inventory.api;

import io.supplyguard.common.bus.BusRequest;
import io.supplyguard.common.bus.ServiceException;
import io.supplyguard.inventory.position.PositionKey;
import io.supplyguard.inventory.position.StockPosition;
import io.supplyguard.inventory.recompute.Recomputer;
import io.supplyguard.inventory.recompute.Recommender;
import io.supplyguard.inventory.store.PositionRepository;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * What-if: every position of the tenant is computed twice, as things are and under the
 * hypothetical changes (applied by the licence-service to copies), and those that differ are
 * answered side by side. Nothing is stored.
 */
final class ScenarioHandlers {
  private static final int PAGE = 2_000;
  private static final int MAX_POSITIONS = 50_000;

  private final Pool pool;
  private final Recomputer recomputer;
  private final Clock clock;

  ScenarioHandlers(Pool pool, Recomputer recomputer, Clock clock) {
    this.pool = pool;
    this.recomputer = recomputer;
    this.clock = clock;
  }

  Future<JsonObject> run(BusRequest request) {
    String tenant = request.requireTenant();
    LocalDate asOf = AsOf.of(request.body(), clock);
    JsonObject scenario = new JsonObject().put("changes", request.body().getJsonArray("changes"));
    return page(tenant, null, asOf, scenario, request.requestId(), new JsonArray(), 0)
        .map(affected -> new JsonObject().put("asOf", asOf.toString()).put("positions", affected));
  }

  private Future<JsonArray> page(String tenant, PositionKey after, LocalDate asOf, JsonObject scenario,
      String requestId, JsonArray affected, int seen) {
    return PositionRepository.page(pool, new PositionRepository.Selection.OfTenant(tenant), after, PAGE)
        .compose(page -> {
      if (page.isEmpty()) {
        return Future.succeededFuture(affected);
      }
      if (seen + page.size() > MAX_POSITIONS) {
        return Future.failedFuture(new ServiceException(io.supplyguard.common.bus.FailureCode.UNPROCESSABLE,
            "A scenario covers at most " + MAX_POSITIONS + " positions."));
      }
      return Future.all(recomputer.compute(page, asOf, null, requestId),
          recomputer.compute(page, asOf, scenario, requestId)).compose(both -> {
            List<Recommender.Computed> now = both.resultAt(0);
            List<Recommender.Computed> hypothetical = both.resultAt(1);
            for (int i = 0; i < now.size(); i++) {
              if (now.get(i).recommendation().differsMateriallyFrom(hypothetical.get(i).recommendation())) {
                StockPosition p = now.get(i).position();
                affected.add(new JsonObject().put("siteId", p.key().siteId()).put("materialId", p.key().materialId())
                    .put("now", now.get(i).json()).put("scenario", hypothetical.get(i).json()));
              }
            }
            return page.size() < PAGE ? Future.succeededFuture(affected)
                : page(tenant, page.get(page.size() - 1).key(), asOf, scenario, requestId, affected, seen + page.size());
          });
    });
  }
}
