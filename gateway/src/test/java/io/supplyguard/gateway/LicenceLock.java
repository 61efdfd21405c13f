package io.supplyguard.gateway;

import io.supplyguard.common.testing.Await;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import io.vertx.sqlclient.Tuple;
import java.util.UUID;

/**
 * A PostgreSQL row lock on one licence, held by the test: drawdowns of it block inside the real
 * licence-service until the lock is released, which makes the service genuinely slow.
 */
final class LicenceLock implements AutoCloseable {
  private final SqlConnection connection;
  private final Transaction transaction;
  private boolean released;

  private LicenceLock(SqlConnection connection, Transaction transaction) {
    this.connection = connection;
    this.transaction = transaction;
  }

  static LicenceLock hold(Pool licenceDb, String licenceId) throws Exception {
    SqlConnection connection = Await.result(licenceDb.getConnection());
    Transaction transaction = Await.result(connection.begin());
    Await.result(connection.preparedQuery("SELECT id FROM licence WHERE id = $1 FOR UPDATE")
        .execute(Tuple.of(UUID.fromString(licenceId))));
    return new LicenceLock(connection, transaction);
  }

  /** Releases the lock; the blocked drawdowns then go on. */
  @Override
  public void close() throws Exception {
    if (!released) {
      released = true;
      Await.result(transaction.rollback());
      Await.result(connection.close());
    }
  }
}
