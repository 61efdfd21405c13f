package io.supplyguard.inventory.api;

import io.supplyguard.common.bus.BusRequest;
import io.supplyguard.common.bus.ServiceException;
import io.supplyguard.inventory.position.PositionKey;
import io.supplyguard.inventory.recompute.Recomputer;
import io.supplyguard.inventory.store.PositionRepository;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.LocalDate;

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
      return ScenarioDifferences.of(recomputer, page, asOf, scenario, requestId).compose(differences -> {
        for (ScenarioDifferences.Difference d : differences) {
          PositionKey key = d.position().key();
          affected.add(new JsonObject().put("siteId", key.siteId()).put("materialId", key.materialId())
              .put("now", d.now().json()).put("scenario", d.hypothetical().json()));
        }
        return page.size() < PAGE ? Future.succeededFuture(affected)
            : page(tenant, page.get(page.size() - 1).key(), asOf, scenario, requestId, affected, seen + page.size());
      });
    });
  }
}
