package io.supplyguard.inventory.api;

import io.supplyguard.inventory.position.StockPosition;
import io.supplyguard.inventory.recompute.Recommender;
import io.supplyguard.inventory.recompute.Recomputer;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The comparison both what-ifs make (a tenant's scenario, an announcement's dry run): a page of positions computed
 * as things are and under the scenario with the same {@link Recomputer}, keeping those that differ materially.
 */
final class ScenarioDifferences {
  /** One position whose recommendation the scenario changes. */
  record Difference(StockPosition position, Recommender.Computed now, Recommender.Computed hypothetical) {
  }

  private ScenarioDifferences() {
  }

  static Future<List<Difference>> of(Recomputer recomputer, List<StockPosition> page, LocalDate asOf,
      JsonObject scenario, String requestId) {
    return Future.all(recomputer.compute(page, asOf, null, requestId),
        recomputer.compute(page, asOf, scenario, requestId)).map(both -> {
          List<Recommender.Computed> now = both.resultAt(0);
          List<Recommender.Computed> hypothetical = both.resultAt(1);
          List<Difference> differences = new ArrayList<>();
          for (int i = 0; i < now.size(); i++) {
            if (now.get(i).recommendation().differsMateriallyFrom(hypothetical.get(i).recommendation())) {
              differences.add(new Difference(now.get(i).position(), now.get(i), hypothetical.get(i)));
            }
          }
          return differences;
        });
  }
}
