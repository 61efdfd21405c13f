package io.supplyguard.licence.store;

import io.supplyguard.common.db.NamedSql;
import io.supplyguard.common.db.Rows;
import io.supplyguard.common.db.SqlParams;
import io.supplyguard.licence.registry.Licence;
import io.supplyguard.licence.registry.LicenceStatus;
import io.supplyguard.licence.registry.LicenceType;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
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

  private static final NamedSql INSERT = NamedSql.of("""
      INSERT INTO licence (id, tenant_id, type, exporter, reference, elements, forms, quantity_kg, valid_from,
                           valid_to, destination, end_use, status, submitted_on, decision_due_by)
      VALUES (#{id}, #{tenantId}, #{type}, #{exporter}, #{reference}, #{elements}, #{forms}, #{quantityKg},
              #{validFrom}, #{validTo}, #{destination}, #{endUse}, #{status}, #{submittedOn}, #{decisionDueBy})
      RETURNING *""");

  // A tenant of null reads any tenant's licence (ADMIN).
  private static final String BY_ID_SQL =
      COLUMNS + " WHERE id = #{id} AND (#{tenantId}::text IS NULL OR tenant_id = #{tenantId})";
  private static final NamedSql BY_ID = NamedSql.of(BY_ID_SQL);
  private static final NamedSql LOCK = NamedSql.of(BY_ID_SQL + " FOR UPDATE");

  private static final NamedSql LIST = NamedSql.of(COLUMNS + "\n" + """
       WHERE (#{tenantId}::text IS NULL OR tenant_id = #{tenantId})
         AND (#{status}::text IS NULL OR status = #{status})
         AND (#{element}::text IS NULL OR #{element} = ANY (elements))
         AND (#{expiringBy}::date IS NULL
              OR (valid_to <= #{expiringBy} AND status IN ('APPLIED', 'ACTIVE', 'SUSPENDED')))
       ORDER BY valid_to, id
       LIMIT #{limit} OFFSET #{offset}""");

  private static final NamedSql USABLE_OF_TENANT =
      NamedSql.of(COLUMNS + " WHERE tenant_id = #{tenantId} AND status = 'ACTIVE'");

  private static final NamedSql SET_STATUS = NamedSql.of("""
      UPDATE licence SET status = #{status}, status_reason = #{reason}, decision_due_by = #{dueBy}, updated_at = now()
      WHERE id = #{id}
      RETURNING *""");

  // Locks in id order first, as a batch of drawdowns does, so that the two never deadlock.
  private static final NamedSql EXPIRE = NamedSql.of("""
      UPDATE licence SET status = 'EXPIRED', status_reason = 'validTo passed', updated_at = now()
      WHERE id IN (SELECT id FROM licence WHERE valid_to < #{today} AND status IN ('APPLIED', 'ACTIVE', 'SUSPENDED')
                   ORDER BY id FOR UPDATE)
      RETURNING *""");

  private static final NamedSql BECOMING_VALID =
      NamedSql.of(COLUMNS + " WHERE valid_from = #{day} AND status = 'ACTIVE'");

  private final Pool pool;

  public LicenceRepository(Pool pool) {
    this.pool = pool;
  }

  public Future<Licence> insert(SqlConnection tx, Licence l) {
    return INSERT.execute(tx, SqlParams.with("id", l.id()).and("tenantId", l.tenantId()).and("type", l.type().name())
            .and("exporter", l.exporter()).and("reference", l.reference())
            .and("elements", l.elements().stream().sorted().toArray(String[]::new))
            .and("forms", l.forms().stream().sorted().toArray(String[]::new)).and("quantityKg", l.quantityKg())
            .and("validFrom", l.validFrom()).and("validTo", l.validTo()).and("destination", l.destination())
            .and("endUse", l.endUse()).and("status", l.status().name()).and("submittedOn", l.submittedOn())
            .and("decisionDueBy", l.decisionDueBy()))
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
    return LIST.execute(pool, SqlParams.with("tenantId", filter.tenantId())
            .and("status", filter.status() == null ? null : filter.status().name())
            .and("element", filter.element())
            .and("expiringBy", filter.expiringBy())
            .and("limit", filter.limit())
            .and("offset", filter.offset()))
        .map(rows -> Rows.list(rows, LicenceRepository::licence));
  }

  /** The tenant's ACTIVE licences: the candidates to cover a supply. */
  public Future<List<Licence>> active(String tenantId) {
    return USABLE_OF_TENANT.execute(pool, SqlParams.with("tenantId", tenantId))
        .map(rows -> Rows.list(rows, LicenceRepository::licence));
  }

  public Future<Licence> setStatus(SqlConnection tx, UUID id, LicenceStatus status, String reason, LocalDate dueBy) {
    return SET_STATUS.execute(tx, SqlParams.with("id", id).and("status", status.name()).and("reason", reason)
            .and("dueBy", dueBy))
        .map(rows -> licence(rows.iterator().next()));
  }

  /** Expires every licence whose validTo is before {@code today}; returns those it expired. */
  public Future<List<Licence>> expireBefore(SqlConnection tx, LocalDate today) {
    return EXPIRE.execute(tx, SqlParams.with("today", today)).map(rows -> Rows.list(rows, LicenceRepository::licence));
  }

  public Future<List<Licence>> becomingValid(SqlConnection tx, LocalDate day) {
    return BECOMING_VALID.execute(tx, SqlParams.with("day", day))
        .map(rows -> Rows.list(rows, LicenceRepository::licence));
  }

  private static Future<Optional<Licence>> find(SqlClient client, NamedSql sql, UUID id, String tenantId) {
    return sql.execute(client, SqlParams.with("id", id).and("tenantId", tenantId))
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
