package io.supplyguard.inventory.metrics;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.supplyguard.common.db.Rows;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.time.Duration;

/**
 * What operators watch of the buffer: {@code supplyguard_positions{status}},
 * {@code supplyguard_positions_by_element{element,status}} (refreshed from the database),
 * {@code supplyguard_alerts_total{status}}, and each recompute's size and duration
 * ({@code supplyguard_recompute_positions}, {@code supplyguard_recompute_seconds}), split by phase
 * ({@code supplyguard_recompute_phase_seconds{phase}}).
 */
public final class InventoryMetrics {
  private static final String BY_STATUS = "SELECT status, count(*) AS n FROM recommendation GROUP BY status";
  private static final String BY_ELEMENT = """
      SELECT e AS element, r.status, count(*) AS n
      FROM recommendation r JOIN material m ON m.id = r.material_id, unnest(m.elements) AS e
      GROUP BY e, r.status""";

  private final MeterRegistry registry;
  private final MultiGauge byStatus;
  private final MultiGauge byElement;
  private final DistributionSummary batchSize;
  private final Timer duration;

  public InventoryMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.byStatus = MultiGauge.builder("supplyguard.positions").description("Positions by status").register(registry);
    this.byElement = MultiGauge.builder("supplyguard.positions.by.element")
        .description("Positions by rare-earth element of their material, and status").register(registry);
    this.batchSize = DistributionSummary.builder("supplyguard.recompute.positions")
        .description("Positions recomputed by one change").register(registry);
    this.duration = Timer.builder("supplyguard.recompute").description("Time to recompute the positions of one change")
        .publishPercentileHistogram().register(registry);
  }

  public void recomputed(int positions, long nanos) {
    batchSize.record(positions);
    duration.record(Duration.ofNanos(nanos));
  }

  /** Time one phase of a recompute page took: read, conditions, compute or store. */
  public void phase(String phase, long nanos) {
    registry.timer("supplyguard.recompute.phase", "phase", phase).record(Duration.ofNanos(nanos));
  }

  public void alertRaised(String status) {
    registry.counter("supplyguard.alerts", "status", status).increment();
  }

  public Future<Void> refresh(Pool pool) {
    return Future.all(pool.query(BY_STATUS).execute(), pool.query(BY_ELEMENT).execute()).map(all -> {
      byStatus.register(Rows.list(all.resultAt(0), row -> MultiGauge.Row.of(
          Tags.of("status", row.getString("status")), row.getLong("n"))), true);
      byElement.register(Rows.list(all.resultAt(1), row -> MultiGauge.Row.of(
          Tags.of("element", row.getString("element"), "status", row.getString("status")), row.getLong("n"))), true);
      return null;
    });
  }
}
