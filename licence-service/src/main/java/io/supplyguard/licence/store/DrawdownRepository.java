package io.supplyguard.licence.store;

import io.supplyguard.licence.registry.Licence;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The statements of a batch of drawdowns, at most one per licence: each is one statement
 * whatever the batch's size, so that many concurrent drawdowns cost a few statements and one
 * commit between them.
 */
public final class DrawdownRepository {
  // In id order: every batch locks its licences in the same order, so two batches never deadlock.
  private static final String LOCK = LicenceRepository.COLUMNS
      + " WHERE id = ANY ($1::text[]::uuid[]) ORDER BY id FOR UPDATE";

  // The cap, the status, the validity and the owner are checked by the statement that draws:
  // with the rows locked (above) no other transaction can draw between the check and the update.
  private static final String DRAW = """
      UPDATE licence l
      SET drawn_kg = l.drawn_kg + d.quantity_kg::numeric,
          status = CASE WHEN l.drawn_kg + d.quantity_kg::numeric = l.quantity_kg THEN 'EXHAUSTED' ELSE l.status END,
          updated_at = now()
      FROM unnest($1::text[], $2::text[], $3::text[]) AS d(id, tenant_id, quantity_kg)
      WHERE l.id = d.id::uuid AND l.tenant_id = d.tenant_id AND l.status = 'ACTIVE'
        AND l.drawn_kg + d.quantity_kg::numeric <= l.quantity_kg AND l.valid_from <= $4 AND l.valid_to >= $4
      RETURNING l.*, now() AS drawn_at""";

  private static final String RECORD = """
      INSERT INTO drawdown (id, licence_id, tenant_id, quantity_kg, shipment_ref)
      SELECT id::uuid, licence_id::uuid, tenant_id, quantity_kg::numeric, shipment_ref
      FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
        AS d(id, licence_id, tenant_id, quantity_kg, shipment_ref)""";

  /** One drawdown asked of a licence. */
  public record Draw(UUID licenceId, String tenantId, BigDecimal quantityKg) {
  }

  /**
   * The licences drawn from, as they are now, by id; and the transaction's time, which every
   * drawdown recorded in it takes as its {@code drawn_at} (null when none was drawn).
   */
  public record Drawing(Map<UUID, Licence> licences, Instant at) {
  }

  /** One drawdown to record, on a licence it was drawn from. */
  public record Drawn(UUID id, UUID licenceId, String tenantId, BigDecimal quantityKg, String shipmentRef) {
  }

  private DrawdownRepository() {
  }

  /** Locks the licences that exist among {@code ids} (whatever their tenant), by id. */
  public static Future<Map<UUID, Licence>> lock(SqlConnection tx, List<UUID> ids) {
    return tx.preparedQuery(LOCK).execute(Tuple.of((Object) ids.stream().map(UUID::toString).toArray(String[]::new)))
        .map(DrawdownRepository::byId);
  }

  /** Draws each drawdown every rule allows; answers the licences drawn from, as they are now, by id. */
  public static Future<Drawing> draw(SqlConnection tx, List<Draw> draws, LocalDate today) {
    return tx.preparedQuery(DRAW).execute(Tuple.of(
            draws.stream().map(d -> d.licenceId().toString()).toArray(String[]::new),
            draws.stream().map(Draw::tenantId).toArray(String[]::new),
            draws.stream().map(d -> d.quantityKg().toPlainString()).toArray(String[]::new),
            today))
        .map(rows -> new Drawing(byId(rows),
            rows.size() == 0 ? null : rows.iterator().next().getOffsetDateTime("drawn_at").toInstant()));
  }

  /** Records the drawdowns (each {@code drawn_at} the transaction's time). */
  public static Future<Void> record(SqlConnection tx, List<Drawn> drawn) {
    if (drawn.isEmpty()) {
      return Future.succeededFuture();
    }
    return tx.preparedQuery(RECORD).execute(Tuple.of(
            drawn.stream().map(d -> d.id().toString()).toArray(String[]::new),
            drawn.stream().map(d -> d.licenceId().toString()).toArray(String[]::new),
            drawn.stream().map(Drawn::tenantId).toArray(String[]::new),
            drawn.stream().map(d -> d.quantityKg().toPlainString()).toArray(String[]::new),
            drawn.stream().map(Drawn::shipmentRef).toArray(String[]::new)))
        .mapEmpty();
  }

  private static Map<UUID, Licence> byId(Iterable<Row> rows) {
    Map<UUID, Licence> licences = new HashMap<>();
    rows.forEach(row -> {
      Licence licence = LicenceRepository.licence(row);
      licences.put(licence.id(), licence);
    });
    return licences;
  }
}
