package io.supplyguard.inventory.recompute;

import io.supplyguard.common.bus.Addresses;
import io.supplyguard.inventory.metrics.InventoryMetrics;
import io.supplyguard.inventory.position.PositionKey;
import io.supplyguard.inventory.position.StockPosition;
import io.supplyguard.inventory.store.PositionRepository;
import io.supplyguard.inventory.store.RecommendationRepository;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Recomputes the recommendations of the positions a change reaches: a page of positions at a
 * time, one supply-conditions round trip per tenant in the page, one statement that stores the
 * page's recommendations and the alerts of the statuses they change, and the alerts published
 * once it has committed.
 */
public final class Recomputer {
  private final Vertx vertx;
  private final PositionRepository positions;
  private final RecommendationRepository recommendations;
  private final SupplyConditions conditions;
  private final Recommender recommender;
  private final InventoryMetrics metrics;
  private final int pageSize;

  public Recomputer(Vertx vertx, PositionRepository positions, RecommendationRepository recommendations,
      SupplyConditions conditions, Recommender recommender, InventoryMetrics metrics, int pageSize) {
    this.vertx = vertx;
    this.positions = positions;
    this.recommendations = recommendations;
    this.conditions = conditions;
    this.recommender = recommender;
    this.metrics = metrics;
    this.pageSize = pageSize;
  }

  /** What a recompute did. */
  public record Result(int positions, int alerts) {
  }

  /** Recomputes, stores and alerts every selected position, as of {@code asOf}. */
  public Future<Result> recompute(PositionRepository.Selection selection, LocalDate asOf, String requestId) {
    long started = System.nanoTime();
    return pages(selection, read(selection, null), asOf, requestId, 0, Future.succeededFuture(0))
        .onSuccess(result -> metrics.recomputed(result.positions(), System.nanoTime() - started));
  }

  /** Recomputes and stores the given positions (already read), as of {@code asOf}. */
  public Future<List<Recommender.Computed>> recomputeAndStore(List<StockPosition> page, LocalDate asOf,
      String requestId) {
    return compute(page, asOf, null, requestId).compose(computed -> store(computed, asOf).map(computed));
  }

  /** Computes without storing anything: a recommendation for another date, or under a scenario. */
  public Future<List<Recommender.Computed>> compute(List<StockPosition> page, LocalDate asOf, JsonObject scenario,
      String requestId) {
    Map<String, List<StockPosition>> byTenant = new LinkedHashMap<>();
    page.forEach(p -> byTenant.computeIfAbsent(p.key().tenantId(), t -> new ArrayList<>()).add(p));
    List<Future<List<Recommender.Computed>>> perTenant = new ArrayList<>();
    byTenant.forEach((tenant, own) -> perTenant.add(conditions.fetch(tenant, requestId, asOf, own, scenario)
        .map(batch -> own.stream().map(p -> recommender.compute(p, batch, asOf)).toList())));
    return Future.all(perTenant).map(all -> {
      List<Recommender.Computed> computed = new ArrayList<>(page.size());
      for (int i = 0; i < perTenant.size(); i++) {
        computed.addAll(all.<List<Recommender.Computed>>resultAt(i));
      }
      return computed;
    });
  }

  /**
   * Pages are pipelined: the next page is read, and computed, while the previous one is still
   * being stored; stores run one after another, so at most two pages are held at a time.
   *
   * @param storing the store of the previous page, completing with the alerts raised so far
   */
  private Future<Result> pages(PositionRepository.Selection selection, Future<List<StockPosition>> current,
      LocalDate asOf, String requestId, int positionsSoFar, Future<Integer> storing) {
    return current.compose(page -> {
      if (page.isEmpty()) {
        return storing.map(alertsRaised -> new Result(positionsSoFar, alertsRaised));
      }
      Future<List<StockPosition>> next = page.size() < pageSize ? Future.succeededFuture(List.of())
          : read(selection, page.get(page.size() - 1).key());
      long computeStart = System.nanoTime();
      return compute(page, asOf, null, requestId).compose(computed -> storing.map(alertsSoFar -> {
        metrics.phase("conditions_and_compute", System.nanoTime() - computeStart);
        long storeStart = System.nanoTime();
        return store(computed, asOf).map(raised -> {
          metrics.phase("store", System.nanoTime() - storeStart);
          return alertsSoFar + raised;
        });
      })).compose(stored -> pages(selection, next, asOf, requestId, positionsSoFar + page.size(), stored));
    });
  }

  private Future<List<StockPosition>> read(PositionRepository.Selection selection, PositionKey after) {
    long readStart = System.nanoTime();
    return positions.page(selection, after, pageSize).onSuccess(p -> metrics.phase("read", System.nanoTime() - readStart));
  }

  /** Stores a page's recommendations and the alerts of those whose status changed; publishes the alerts. */
  private Future<Integer> store(List<Recommender.Computed> computed, LocalDate asOf) {
    List<RecommendationRepository.Stored> rows = new ArrayList<>(computed.size());
    for (Recommender.Computed c : computed) {
      rows.add(new RecommendationRepository.Stored(c.position().key(), asOf, c.recommendation(), c.determination()));
    }
    return recommendations.store(rows).map(raised -> {
      raised.forEach(alert -> {
        vertx.eventBus().publish(Addresses.INVENTORY_ALERT, alert);
        metrics.alertRaised(alert.getString("toStatus"));
      });
      return raised.size();
    });
  }
}
