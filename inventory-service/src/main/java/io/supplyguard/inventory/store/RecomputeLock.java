package io.supplyguard.inventory.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.function.Supplier;

/**
 * One recompute at a time across every replica of the inventory-service. Each replica receives
 * every published change; run one after another, the second finds the statuses already changed
 * and raises no alert twice. A PostgreSQL advisory lock, held on a connection of its own for
 * the recompute's length, and released by PostgreSQL itself if the replica dies.
 */
public final class RecomputeLock {
  /** The advisory lock's key, as pg_locks shows it: any constant the replicas share; "SGINVREC" in ASCII. */
  public static final long KEY = 0x5347494E56524543L;

  private final Pool pool;

  public RecomputeLock(Pool pool) {
    this.pool = pool;
  }

  public <T> Future<T> exclusively(Supplier<Future<T>> work) {
    return pool.getConnection().compose(connection -> connection.preparedQuery("SELECT pg_advisory_lock($1)")
        .execute(Tuple.of(KEY))
        .compose(locked -> work.get())
        .transform(done -> unlock(connection).transform(released -> done.succeeded()
            ? Future.succeededFuture(done.result()) : Future.<T>failedFuture(done.cause()))));
  }

  private static Future<Void> unlock(SqlConnection connection) {
    return connection.preparedQuery("SELECT pg_advisory_unlock($1)").execute(Tuple.of(KEY)).mapEmpty()
        .eventually(connection::close).mapEmpty();
  }
}
