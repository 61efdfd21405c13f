package io.supplyguard.licence.store;

import io.supplyguard.common.db.Rows;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The figures operators watch, read in a few aggregate statements. */
public final class LicenceStats {
  private static final String BY_STATUS = """
      SELECT tenant_id, status, count(*) AS licences, sum(quantity_kg - drawn_kg) AS remaining_kg
      FROM licence GROUP BY tenant_id, status""";
  private static final String UTILISATION = """
      SELECT tenant_id, id, drawn_kg / quantity_kg AS utilisation FROM licence WHERE status = 'ACTIVE'""";
  private static final String SOONEST_EXPIRY = """
      SELECT tenant_id, element, min(valid_to) AS valid_to
      FROM licence, unnest(elements) AS element
      WHERE status = 'ACTIVE'
      GROUP BY tenant_id, element""";

  /** Licences of one tenant in one status. */
  public record StatusCount(String tenantId, String status, long licences, BigDecimal remainingKg) {
  }

  public record Utilisation(String tenantId, String licenceId, double ratio) {
  }

  public record SoonestExpiry(String tenantId, String element, LocalDate validTo) {
  }

  private final Pool pool;

  public LicenceStats(Pool pool) {
    this.pool = pool;
  }

  public Future<List<StatusCount>> byStatus() {
    return pool.query(BY_STATUS).execute().map(rows -> Rows.list(rows, (Row r) -> new StatusCount(
        r.getString("tenant_id"), r.getString("status"), r.getLong("licences"), r.getBigDecimal("remaining_kg"))));
  }

  public Future<List<Utilisation>> utilisation() {
    return pool.query(UTILISATION).execute().map(rows -> Rows.list(rows, (Row r) -> new Utilisation(
        r.getString("tenant_id"), r.getUUID("id").toString(), r.getBigDecimal("utilisation").doubleValue())));
  }

  public Future<List<SoonestExpiry>> soonestExpiry() {
    return pool.query(SOONEST_EXPIRY).execute().map(rows -> Rows.list(rows, (Row r) -> new SoonestExpiry(
        r.getString("tenant_id"), r.getString("element"), r.getLocalDate("valid_to"))));
  }
}
