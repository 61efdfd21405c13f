package io.supplyguard.licence.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.util.Optional;

/** How far the calendar's boundaries have been processed. */
public final class WatermarkRepository {
  private static final String NAME = "boundaries";
  private static final String INIT = """
      INSERT INTO clock_watermark (name, processed_through) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING""";
  private static final String LOCK = "SELECT processed_through FROM clock_watermark WHERE name = $1 FOR UPDATE";
  private static final String ADVANCE = "UPDATE clock_watermark SET processed_through = $2 WHERE name = $1";

  private WatermarkRepository() {
  }

  /**
   * Locks the watermark for the transaction, so that one replica at a time processes a day.
   * A new database starts at {@code today}: nothing before it was missed.
   */
  public static Future<LocalDate> lock(SqlConnection tx, LocalDate today) {
    return tx.preparedQuery(INIT).execute(Tuple.of(NAME, today))
        .compose(v -> tx.preparedQuery(LOCK).execute(Tuple.of(NAME)))
        .map(rows -> Optional.of(rows.iterator().next().getLocalDate("processed_through")).orElseThrow());
  }

  public static Future<Void> advance(SqlConnection tx, LocalDate through) {
    return tx.preparedQuery(ADVANCE).execute(Tuple.of(NAME, through)).mapEmpty();
  }
}
