package io.supplyguard.licence.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

/**
 * Deletes what is kept only for a while: outbox messages once published (kept for whoever
 * investigates a delivery; an unpublished one is never deleted), and Idempotency-Key records
 * (a key reused after its retention is a new request).
 */
public final class Retention {
  private static final String OUTBOX = "DELETE FROM outbox WHERE published_at < now() - make_interval(days => $1)";
  private static final String KEYS = "DELETE FROM idempotency_record WHERE created_at < now() - make_interval(days => $1)";

  private final Pool pool;

  public Retention(Pool pool) {
    this.pool = pool;
  }

  /** Deletes the outbox messages published more than {@code days} days ago; answers how many. */
  public Future<Integer> purgeOutbox(int days) {
    return delete(OUTBOX, days);
  }

  /** Deletes the Idempotency-Key records made more than {@code days} days ago; answers how many. */
  public Future<Integer> purgeIdempotencyKeys(int days) {
    return delete(KEYS, days);
  }

  private Future<Integer> delete(String sql, int days) {
    return pool.preparedQuery(sql).execute(Tuple.of(days)).map(rows -> rows.rowCount());
  }
}
