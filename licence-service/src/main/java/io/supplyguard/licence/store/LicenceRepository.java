package io.supplyguard.licence.store;

import io.supplyguard.common.db.Rows;
import io.supplyguard.licence.registry.Licence;
import io.supplyguard.licence.registry.LicenceStatus;
import io.supplyguard.licence.registry.LicenceType;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Every statement on licences and their drawdowns. Reads are always scoped to a tenant unless said. */
public final class LicenceRepository {
  static final String COLUMNS = """
      SELECT id, tenant_id, type, exporter, reference, elements, forms, quantity_kg, drawn_kg, valid_from, valid_to,
             destination, end_use, status, status_reason, submitted_on, decision_due_by, created_at, updated_at
      FROM licence""";

  private static final String INSERT = """
      INSERT INTO licence (id, tenant_id, type, exporter, reference, elements, forms, quantity_kg, valid_from,
                           valid_to, destination, end_use, status, submitted_on, decision_due_by)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
      RETURNING *""";

  // A tenant of null reads any tenant's licence (ADMIN).
  private static final String BY_ID = COLUMNS + " WHERE id = $1 AND ($2::text IS NULL OR tenant_id = $2)";
  private static final String LOCK = BY_ID + " FOR UPDATE";

  private static final String LIST = COLUMNS + "\n" + """
       WHERE ($1::text IS NULL OR tenant_id = $1)
         AND ($2::text IS NULL OR status = $2)
         AND ($3::text IS NULL OR $3 = ANY (elements))
         AND ($4::date IS NULL OR (valid_to <= $4 AND status IN ('APPLIED', 'ACTIVE', 'SUSPENDED')))
       ORDER BY valid_to, id
       LIMIT $5 OFFSET $6""";

  private static final String USABLE_OF_TENANT = COLUMNS + " WHERE tenant_id = $1 AND status = 'ACTIVE'";

  private static final String SET_STATUS = """
      UPDATE licence SET status = $2, status_reason = $3, decision_due_by = $4, updated_at = now()
      WHERE id = $1
      RETURNING *""";

  // Locks in id order first, as a batch of drawdowns does, so that the two never deadlock.
  private static final String EXPIRE = """
      UPDATE licence SET status = 'EXPIRED', status_reason = 'validTo passed', updated_at = now()
      WHERE id IN (SELECT id FROM licence WHERE valid_to < $1 AND status IN ('APPLIED', 'ACTIVE', 'SUSPENDED')
                   ORDER BY id FOR UPDATE)
      RETURNING *""";

  private static final String BECOMING_VALID = COLUMNS + " WHERE valid_from = $1 AND status = 'ACTIVE'";

  private final Pool pool;

  public LicenceRepository(Pool pool) {
    this.pool = pool;
  }

  public Future<Licence> insert(SqlConnection tx, Licence l) {
    return tx.preparedQuery(INSERT).execute(Tuple.from(new Object[] {l.id(), l.tenantId(), l.type().name(),
            l.exporter(), l.reference(), l.elements().stream().sorted().toArray(String[]::new),
            l.forms().stream().sorted().toArray(String[]::new), l.quantityKg(), l.validFrom(), l.validTo(),
            l.destination(), l.endUse(), l.status().name(), l.submittedOn(), l.decisionDueBy()}))
        .map(rows -> licence(rows.iterator().next()));
  }

  /** The licence, when it exists and belongs to {@code tenantId} (any tenant when null). */
  public Future<Optional<Licence>> find(UUID id, String tenantId) {
    return find(pool, BY_ID, id, tenantId);
  }

  public Future<Optional<Licence>> lock(SqlConnection tx, UUID id, String tenantId) {
    return find(tx, LOCK, id, tenantId);
  }

  public Future<List<Licence>> list(LicenceFilter filter) {
    return pool.preparedQuery(LIST).execute(Tuple.tuple()
            .addString(filter.tenantId())
            .addString(filter.status() == null ? null : filter.status().name())
            .addString(filter.element())
            .addLocalDate(filter.expiringBy())
            .addInteger(filter.limit())
            .addInteger(filter.offset()))
        .map(rows -> Rows.list(rows, LicenceRepository::licence));
  }

  /** The tenant's ACTIVE licences: the candidates to cover a supply. */
  public Future<List<Licence>> active(String tenantId) {
    return pool.preparedQuery(USABLE_OF_TENANT).execute(Tuple.of(tenantId))
        .map(rows -> Rows.list(rows, LicenceRepository::licence));
  }

  public Future<Licence> setStatus(SqlConnection tx, UUID id, LicenceStatus status, String reason, LocalDate dueBy) {
    return tx.preparedQuery(SET_STATUS).execute(Tuple.of(id, status.name(), reason, dueBy))
        .map(rows -> licence(rows.iterator().next()));
  }

  /** Expires every licence whose validTo is before {@code today}; returns those it expired. */
  public Future<List<Licence>> expireBefore(SqlConnection tx, LocalDate today) {
    return tx.preparedQuery(EXPIRE).execute(Tuple.of(today)).map(rows -> Rows.list(rows, LicenceRepository::licence));
  }

  public Future<List<Licence>> becomingValid(SqlConnection tx, LocalDate day) {
    return tx.preparedQuery(BECOMING_VALID).execute(Tuple.of(day))
        .map(rows -> Rows.list(rows, LicenceRepository::licence));
  }

  private static Future<Optional<Licence>> find(SqlClient client, String sql, UUID id, String tenantId) {
    return client.preparedQuery(sql).execute(Tuple.tuple().addUUID(id).addString(tenantId))
        .map(rows -> Rows.first(rows, LicenceRepository::licence));
  }

  static Licence licence(Row row) {
    return new Licence(
        row.getUUID("id"),
        row.getString("tenant_id"),
        LicenceType.valueOf(row.getString("type")),
        row.getString("exporter"),
        row.getString("reference"),
        Rows.stringSet(row, "elements"),
        Rows.stringSet(row, "forms"),
        row.getBigDecimal("quantity_kg"),
        row.getBigDecimal("drawn_kg"),
        row.getLocalDate("valid_from"),
        row.getLocalDate("valid_to"),
        row.getString("destination"),
        row.getString("end_use"),
        LicenceStatus.valueOf(row.getString("status")),
        row.getString("status_reason"),
        row.getLocalDate("submitted_on"),
        row.getLocalDate("decision_due_by"),
        row.getOffsetDateTime("created_at").toInstant(),
        row.getOffsetDateTime("updated_at").toInstant());
  }
}
