package io.supplyguard.licence.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;

/**
 * BEGIN, COMMIT and ROLLBACK sent as statements on a connection of one's own. Unlike
 * {@code withTransaction}, which waits for BEGIN before the first statement, they are pipelined
 * with the statements around them: a batch of drawdowns without keys is two round trips.
 */
public final class HandMadeTransaction {

  private HandMadeTransaction() {
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
}
