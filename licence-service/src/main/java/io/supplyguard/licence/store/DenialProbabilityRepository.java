package io.supplyguard.licence.store;

import io.supplyguard.common.db.Rows;
import io.supplyguard.licence.check.DenialProbability;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** Every statement that reads or writes the denial probabilities by destination. */
public final class DenialProbabilityRepository {
  private static final String COLUMNS = "SELECT country, probability, source, updated_at, updated_by FROM denial_probability";
  private static final String ALL = COLUMNS + " ORDER BY country";
  private static final String ONE = COLUMNS + " WHERE country = $1";
  // A destination that has no row yet cannot be locked by its row: the lock is on its key instead,
  // so that two first writes for one destination do not both read "none before".
  private static final String LOCK = "SELECT pg_advisory_xact_lock(hashtext('denial_probability:' || $1))";
  private static final String UPSERT = """
      INSERT INTO denial_probability (country, probability, source, updated_by)
      VALUES ($1, $2, $3, $4)
      ON CONFLICT (country) DO UPDATE
        SET probability = EXCLUDED.probability, source = EXCLUDED.source, updated_at = now(),
            updated_by = EXCLUDED.updated_by
      RETURNING country, probability, source, updated_at, updated_by""";

  private final Pool pool;

  public DenialProbabilityRepository(Pool pool) {
    this.pool = pool;
  }

  public Future<List<DenialProbability>> all() {
    return pool.query(ALL).execute().map(rows -> Rows.list(rows, DenialProbabilityRepository::entry));
  }

  /** Locks the destination's entry for the rest of the transaction and reads it; empty when none was entered. */
  public Future<Optional<DenialProbability>> lock(SqlConnection tx, String country) {
    return tx.preparedQuery(LOCK).execute(Tuple.of(country))
        .compose(locked -> tx.preparedQuery(ONE).execute(Tuple.of(country)))
        .map(rows -> Rows.first(rows, DenialProbabilityRepository::entry));
  }

  public Future<DenialProbability> set(SqlConnection tx, String country, BigDecimal probability, String source,
      String updatedBy) {
    return tx.preparedQuery(UPSERT).execute(Tuple.of(country, probability, source, updatedBy))
        .map(rows -> entry(rows.iterator().next()));
  }

  private static DenialProbability entry(Row row) {
    return new DenialProbability(row.getString("country"), row.getBigDecimal("probability"), row.getString("source"),
        row.getOffsetDateTime("updated_at").toInstant(), row.getString("updated_by"));
  }
}
