package io.supplyguard.licence.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.supplyguard.common.bus.Addresses;
import io.supplyguard.common.ops.Metrics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts committed changes on the bus. Runs after every write and on a timer, so that changes
 * committed just before a crash, or by another replica, are published too; replicas skip the
 * rows another is publishing. Delivery is at least once: consumers recompute, so a repeat is
 * harmless, while a loss would leave a recommendation stale.
 */
public final class OutboxPublisher {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxPublisher.class);
  private static final int BATCH = 200;
  /**
   * How long a write waits for others before its change is published: under a burst of writes,
   * one flush (a transaction of its own) then publishes many changes instead of one or two.
   */
  private static final long FOLD_MS = 5;
  private static final String TAKE = """
      SELECT id, address, payload FROM outbox WHERE published_at IS NULL
      ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED""";
  private static final String MARK = "UPDATE outbox SET published_at = now() WHERE id = ANY ($1)";
  private static final String REGIME_CHANGES = "supplyguard.regime.changes";

  private final Vertx vertx;
  private final Pool pool;
  private final MeterRegistry registry;
  private boolean flushing;
  private boolean again;
  private boolean flushDue;

  public OutboxPublisher(Vertx vertx, Pool pool, MeterRegistry registry) {
    this.vertx = vertx;
    this.pool = pool;
    this.registry = registry;
    // Every kind at zero from start: the dashboard's panel and SupplyGuardRegimeChanged see the first change.
    Metrics.countersAtZero(registry, REGIME_CHANGES, "Regime changes published, by kind", "change",
        ChangeEvents.REGIME_CHANGES);
  }

  /** Publishes what is waiting within a few milliseconds, with whatever else is written meanwhile. */
  public void flushSoon() {
    if (flushDue) {
      return;
    }
    flushDue = true;
    vertx.setTimer(FOLD_MS, t -> {
      flushDue = false;
      flush();
    });
  }

  /** Publishes what is waiting; calls made while a flush runs fold into one more flush. */
  public void flush() {
    if (flushing) {
      again = true;
      return;
    }
    flushing = true;
    flushBatch().onComplete(done -> {
      flushing = false;
      if (done.failed()) {
        LOG.warn("Outbox not flushed yet: {}", done.cause().toString());
      } else if (again || done.result() == BATCH) {
        again = false;
        flush();
      }
    });
  }

  private Future<Integer> flushBatch() {
    return pool.withTransaction(tx -> tx.preparedQuery(TAKE).execute(Tuple.of(BATCH)).compose(rows -> {
      List<Long> ids = new ArrayList<>();
      for (Row row : rows) {
        String address = row.getString("address");
        JsonObject payload = row.getJsonObject("payload");
        vertx.eventBus().publish(address, payload);
        count(address, payload);
        ids.add(row.getLong("id"));
      }
      return ids.isEmpty()
          ? Future.succeededFuture(0)
          : tx.preparedQuery(MARK).execute(Tuple.of(ids.toArray(Long[]::new))).map(ids.size());
    }));
  }

  private void count(String address, JsonObject payload) {
    if (Addresses.REGIME_CHANGED.equals(address)) {
      registry.counter(REGIME_CHANGES, "change", payload.getString("change", "UNKNOWN")).increment();
    } else if (Addresses.LICENCE_CHANGED.equals(address)) {
      registry.counter("supplyguard.licence.changes", "change", payload.getString("change", "UNKNOWN")).increment();
    }
  }
}
