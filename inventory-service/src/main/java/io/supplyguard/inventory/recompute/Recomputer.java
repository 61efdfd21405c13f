package io.supplyguard.inventory.recompute;

import io.supplyguard.inventory.alerts.AlertOutbox;
import io.supplyguard.inventory.metrics.InventoryMetrics;
import io.supplyguard.inventory.position.StockPosition;
import io.supplyguard.inventory.store.AlertRepository;
import io.supplyguard.inventory.store.PositionRepository;
import io.supplyguard.inventory.store.RecommendationRepository;
import io.supplyguard.inventory.store.RecomputeQueue;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes recommendations and stores them: a part of a recompute job, or positions just
 * written. One supply-conditions round trip per tenant in a part; one transaction that raises
 * the alerts of the statuses that change, stores the recommendations and (for a part) marks
 * the part done, so that a part is stored once and its alerts raised once. The alerts reach
 * the event log through the {@link AlertOutbox} once that transaction has committed.
 */
public final class Recomputer {
  private final Pool pool;
  private final SupplyConditions conditions;
  private final Recommender recommender;
  private final InventoryMetrics metrics;
  private final AlertOutbox outbox;
  private final FaultPoint faults;

  public Recomputer(Pool pool, SupplyConditions conditions, Recommender recommender, InventoryMetrics metrics,
      AlertOutbox outbox, FaultPoint faults) {
    this.pool = pool;
    this.conditions = conditions;
    this.recommender = recommender;
    this.metrics = metrics;
    this.outbox = outbox;
    this.faults = faults;
  }

  /** What a part's recompute stored. */
  public record PartResult(int positions, int alerts) {
  }

  /**
   * Recomputes the positions of a claimed part and stores them with the part marked done; fails
   * with {@link RecomputeQueue.LeaseLost}, storing nothing, when another replica took it over.
   */
  public Future<PartResult> recompute(RecomputeQueue.Part part, String requestId) {
    long readStart = System.nanoTime();
    // Every position of the part, however many were added to its range since it was claimed.
    return PositionRepository.range(pool, part.job().selection(), part.after(), part.upto(), Integer.MAX_VALUE)
        .compose(page -> {
          metrics.phase("read", System.nanoTime() - readStart);
          return computeTimed(page, part.job().asOf(), requestId);
        })
        .compose(computed -> pool.withTransaction(tx -> store(tx, computed, part.job().asOf())
                .compose(raised -> RecomputeQueue.complete(tx, part, computed.size(), raised.size()).map(raised)))
            .map(raised -> committed(computed.size(), raised)));
  }

  /** Recomputes and stores the given positions (already read), as of {@code asOf}. */
  public Future<List<Recommender.Computed>> recomputeAndStore(List<StockPosition> page, LocalDate asOf,
      String requestId) {
    return compute(page, asOf, null, requestId)
        .compose(computed -> pool.withTransaction(tx -> store(tx, computed, asOf))
            .map(raised -> {
              committed(computed.size(), raised);
              return computed;
            }));
  }

  /** Computes without storing anything: a recommendation for another date, or under a scenario. */
  public Future<List<Recommender.Computed>> compute(List<StockPosition> page, LocalDate asOf, JsonObject scenario,
      String requestId) {
    return fetch(page, asOf, scenario, requestId).map(batches -> kernel(batches, asOf));
  }

  /** The same, timing the supply conditions and the buffer kernel apart. */
  private Future<List<Recommender.Computed>> computeTimed(List<StockPosition> page, LocalDate asOf, String requestId) {
    long fetchStart = System.nanoTime();
    return fetch(page, asOf, null, requestId).map(batches -> {
      long kernelStart = System.nanoTime();
      metrics.phase("conditions", kernelStart - fetchStart);
      List<Recommender.Computed> computed = kernel(batches, asOf);
      metrics.phase("compute", System.nanoTime() - kernelStart);
      return computed;
    });
  }

  /** One supply-conditions round trip per tenant in the page, all at once. */
  private Future<Map<List<StockPosition>, SupplyConditions.Batch>> fetch(List<StockPosition> page, LocalDate asOf,
      JsonObject scenario, String requestId) {
    Map<String, List<StockPosition>> byTenant = new LinkedHashMap<>();
    page.forEach(p -> byTenant.computeIfAbsent(p.key().tenantId(), t -> new ArrayList<>()).add(p));
    List<List<StockPosition>> groups = List.copyOf(byTenant.values());
    List<Future<SupplyConditions.Batch>> fetched = groups.stream()
        .map(own -> conditions.fetch(own.get(0).key().tenantId(), requestId, asOf, own, scenario)).toList();
    return Future.all(fetched).map(all -> {
      Map<List<StockPosition>, SupplyConditions.Batch> batches = new LinkedHashMap<>();
      for (int i = 0; i < groups.size(); i++) {
        batches.put(groups.get(i), all.resultAt(i));
      }
      return batches;
    });
  }

  private List<Recommender.Computed> kernel(Map<List<StockPosition>, SupplyConditions.Batch> batches, LocalDate asOf) {
    List<Recommender.Computed> computed = new ArrayList<>();
    batches.forEach((own, batch) -> own.forEach(p -> computed.add(recommender.compute(p, batch, asOf))));
    return computed;
  }

  /** Counts what a transaction committed, and sends the alerts it raised on their way. */
  private PartResult committed(int stored, List<String> raised) {
    raised.forEach(metrics::alertRaised);
    if (!raised.isEmpty()) {
      faults.reached(FaultPoint.AFTER_RECOMPUTE_COMMIT);
      outbox.deliver();
    }
    return new PartResult(stored, raised.size());
  }

  /** Raises the alerts of the statuses that change, then stores the recommendations; answers the statuses alerted to. */
  private Future<List<String>> store(SqlConnection tx, List<Recommender.Computed> computed, LocalDate asOf) {
    List<AlertRepository.NewStatus> statuses = new ArrayList<>(computed.size());
    List<RecommendationRepository.Stored> rows = new ArrayList<>(computed.size());
    for (Recommender.Computed c : computed) {
      statuses.add(new AlertRepository.NewStatus(c.position().key(), c.recommendation().status().name(),
          c.recommendation().condition().name(), asOf));
      rows.add(new RecommendationRepository.Stored(c.position().key(), asOf, c.recommendation(), c.determination()));
    }
    long alertsStart = System.nanoTime();
    return AlertRepository.raise(tx, statuses).compose(raised -> {
      long storeStart = System.nanoTime();
      metrics.phase("store_alerts", storeStart - alertsStart);
      return RecommendationRepository.store(tx, rows).map(stored -> {
        metrics.phase("store_recommendations", System.nanoTime() - storeStart);
        return raised;
      });
    });
  }
}
