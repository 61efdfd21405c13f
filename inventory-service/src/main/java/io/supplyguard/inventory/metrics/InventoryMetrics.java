package io.supplyguard.inventory.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.supplyguard.common.ops.Metrics;
import io.supplyguard.inventory.buffer.PositionStatus;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * What operators watch of the buffer: {@code supplyguard_positions{status}},
 * {@code supplyguard_positions_by_element{element,status}} (refreshed from the database),
 * {@code supplyguard_alerts_total{status}}, and each recompute's size and duration
 * ({@code supplyguard_recompute_positions}, {@code supplyguard_recompute_seconds}), split by phase
 * ({@code supplyguard_recompute_phase_seconds{phase}}), each replica's share of the work
 * ({@code supplyguard_recompute_stored_positions_total}), and what waits: recompute jobs
 * ({@code supplyguard_recompute_jobs_open}) and alerts not yet in the event log
 * ({@code supplyguard_alerts_undelivered}). Each has a series before its first
 * position or alert, so that the dashboard shows 0, not "No data": the alerts to every status
 * from start, and every status, and every element of the catalogue in every status, from the
 * first refresh.
 */
public final class InventoryMetrics {
  private static final String BY_STATUS = "SELECT status, count(*) AS n FROM recommendation GROUP BY status";
  private static final String BY_ELEMENT = """
      SELECT e AS element, r.status, count(*) AS n
      FROM recommendation r JOIN material m ON m.id = r.material_id, unnest(m.elements) AS e
      GROUP BY e, r.status""";
  private static final String ELEMENTS = "SELECT DISTINCT unnest(elements) AS element FROM material";
  // Both read partial indexes that hold only what is waiting: cheap however long the history.
  private static final String BACKLOG = """
      SELECT (SELECT count(*) FROM alert WHERE delivered_at IS NULL) AS alerts,
             (SELECT count(*) FROM recompute_job WHERE state <> 'DONE') AS jobs""";
  private static final String ALERTS = "supplyguard.alerts";
  private static final List<String> STATUSES = Stream.of(PositionStatus.values()).map(Enum::name).toList();

  private final MeterRegistry registry;
  private final MultiGauge byStatus;
  private final MultiGauge byElement;
  private final DistributionSummary batchSize;
  private final Timer duration;
  private final Counter replicaShare;
  private final AtomicLong undeliveredAlerts = new AtomicLong();
  private final AtomicLong openJobs = new AtomicLong();

  public InventoryMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.byStatus = MultiGauge.builder("supplyguard.positions").description("Positions by status").register(registry);
    this.byElement = MultiGauge.builder("supplyguard.positions.by.element")
        .description("Positions by rare-earth element of their material, and status").register(registry);
    this.batchSize = DistributionSummary.builder("supplyguard.recompute.positions")
        .description("Positions recomputed by one change").register(registry);
    this.duration = Timer.builder("supplyguard.recompute").description("Time to recompute the positions of one change")
        .publishPercentileHistogram().register(registry);
    this.replicaShare = Counter.builder("supplyguard.recompute.stored.positions")
        .description("Positions this replica recomputed and stored, its share of the recompute work")
        .register(registry);
    Gauge.builder("supplyguard.alerts.undelivered", undeliveredAlerts, AtomicLong::get)
        .description("Alerts committed and not yet in the gateway's event log (grows while no gateway answers)")
        .register(registry);
    Gauge.builder("supplyguard.recompute.jobs.open", openJobs, AtomicLong::get)
        .description("Recompute jobs waiting or running, shared by every replica").register(registry);
    Metrics.countersAtZero(registry, ALERTS, "Alerts raised, by the status a position turned to", "status", STATUSES);
  }

  public void recomputed(int positions, long nanos) {
    batchSize.record(positions);
    duration.record(Duration.ofNanos(nanos));
  }

  /** A part of a recompute this replica stored. */
  public void partRecomputed(int positions) {
    replicaShare.increment(positions);
  }

  /**
   * Time one phase of a recompute part took: claim, read, conditions, compute, store_alerts,
   * store_recommendations; and deliver_alerts, a delivery of alerts to the event log.
   */
  public void phase(String phase, long nanos) {
    registry.timer("supplyguard.recompute.phase", "phase", phase).record(Duration.ofNanos(nanos));
  }

  public void alertRaised(String status) {
    registry.counter(ALERTS, "status", status).increment();
  }

  public Future<Void> refresh(Pool pool) {
    return Future.all(pool.query(BY_STATUS).execute(), pool.query(BY_ELEMENT).execute(), pool.query(ELEMENTS).execute(),
            pool.query(BACKLOG).execute())
        .map(all -> {
          Row backlog = all.<RowSet<Row>>resultAt(3).iterator().next();
          undeliveredAlerts.set(backlog.getLong("alerts"));
          openJobs.set(backlog.getLong("jobs"));
          Map<Tags, Long> byStatusRows = new LinkedHashMap<>();
          STATUSES.forEach(status -> byStatusRows.put(Tags.of("status", status), 0L));
          Map<Tags, Long> byElementRows = new LinkedHashMap<>();
          for (Row row : all.<RowSet<Row>>resultAt(2)) {
            String element = row.getString("element");
            STATUSES.forEach(status -> byElementRows.put(Tags.of("element", element, "status", status), 0L));
          }
          for (Row row : all.<RowSet<Row>>resultAt(0)) {
            byStatusRows.put(Tags.of("status", row.getString("status")), row.getLong("n"));
          }
          for (Row row : all.<RowSet<Row>>resultAt(1)) {
            byElementRows.put(Tags.of("element", row.getString("element"), "status", row.getString("status")),
                row.getLong("n"));
          }
          byStatus.register(rows(byStatusRows), true);
          byElement.register(rows(byElementRows), true);
          return null;
        });
  }

  private static List<MultiGauge.Row<?>> rows(Map<Tags, Long> counts) {
    return counts.entrySet().stream().<MultiGauge.Row<?>>map(e -> MultiGauge.Row.of(e.getKey(), e.getValue())).toList();
  }
}
