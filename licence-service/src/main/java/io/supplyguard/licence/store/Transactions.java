package io.supplyguard.licence.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.util.function.Function;

/**
 * Transactions other than {@code withTransaction}'s. BEGIN, COMMIT and ROLLBACK sent as statements
 * on a connection of one's own are pipelined with the statements around them (withTransaction
 * waits for BEGIN before the first one): a batch of drawdowns without keys is two round trips.
 */
public final class Transactions {

  private Transactions() {
  }

  public static Future<Void> begin(SqlConnection connection) {
    return connection.query("BEGIN").execute().mapEmpty();
  }

  public static Future<Void> commit(SqlConnection connection) {
    return connection.query("COMMIT").execute().mapEmpty();
  }

  /** Rolls back, then fails with {@code failure} whatever the rollback did. */
  public static <T> Future<T> rollBack(SqlConnection connection, Throwable failure) {
    return connection.query("ROLLBACK").execute().transform(rolledBack -> Future.failedFuture(failure));
  }

  /** Runs {@code work} in a transaction that is rolled back whatever it did: a dry run of a change. */
  public static <T> Future<T> dryRun(Pool pool, Function<SqlConnection, Future<T>> work) {
    return pool.withConnection(connection -> connection.begin()
        .compose(tx -> work.apply(connection).eventually(tx::rollback)));
  }
}
