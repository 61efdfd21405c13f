package io.supplyguard.licence.store;

import static io.supplyguard.common.db.Rows.texts;

import io.supplyguard.licence.registry.Licence;
import io.supplyguard.licence.registry.LicenceStatus;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The statements of a batch of drawdowns: each is one statement whatever the batch's size, so
 * that many concurrent drawdowns cost a few statements and one commit between them.
 */
public final class DrawdownRepository {
  // In id order: every batch locks its licences in the same order, so two batches never deadlock.
  // now() is the transaction's time: every change the batch makes is stamped with it.
  private static final String LOCK = """
      SELECT *, now() AS locked_at FROM licence WHERE id = ANY ($1::text[]::uuid[]) ORDER BY id FOR UPDATE""";

  // The rows are locked and the batch decided each drawdown on them; the licence's CHECK
  // (drawn_kg <= quantity_kg) still refuses the whole transaction should a total pass the cap.
  private static final String DRAW = """
      UPDATE licence l SET drawn_kg = l.drawn_kg + d.kg::numeric, status = d.status, updated_at = now()
      FROM unnest($1::text[], $2::text[], $3::text[]) AS d(id, kg, status)
      WHERE l.id = d.id::uuid""";

  private static final String RECORD = """
      INSERT INTO drawdown (id, licence_id, tenant_id, quantity_kg, shipment_ref)
      SELECT id::uuid, licence_id::uuid, tenant_id, quantity_kg::numeric, shipment_ref
      FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
        AS d(id, licence_id, tenant_id, quantity_kg, shipment_ref)""";

  /** One drawdown asked of a licence. */
  public record Draw(UUID licenceId, String tenantId, BigDecimal quantityKg) {
  }

  /** The licences locked, by id (whatever their tenant), and the transaction's time. */
  public record Locked(Map<UUID, Licence> licences, Instant at) {
  }

  /** What one licence is drawn in all by a batch, and its status after. */
  public record Total(UUID licenceId, BigDecimal kg, LicenceStatus status) {
  }

  /** One drawdown to record, on a licence it was drawn from. */
  public record Drawn(UUID id, UUID licenceId, String tenantId, BigDecimal quantityKg, String shipmentRef) {
  }

  private DrawdownRepository() {
  }

  /** Locks the licences that exist among {@code ids}, in id order. */
  public static Future<Locked> lock(SqlConnection tx, List<UUID> ids) {
    return tx.preparedQuery(LOCK).execute(Tuple.of((Object) texts(ids, UUID::toString)))
        .map(rows -> {
          Map<UUID, Licence> licences = new HashMap<>();
          Instant at = null;
          for (Row row : rows) {
            Licence licence = LicenceRepository.licence(row);
            licences.put(licence.id(), licence);
            at = row.getOffsetDateTime("locked_at").toInstant();
          }
          return new Locked(licences, at);
        });
  }

  /** Adds each licence's total to what it has drawn. */
  public static Future<Void> draw(SqlConnection tx, List<Total> totals) {
    if (totals.isEmpty()) {
      return Future.succeededFuture();
    }
    return tx.preparedQuery(DRAW).execute(Tuple.of(
            texts(totals, t -> t.licenceId().toString()),
            texts(totals, t -> t.kg().toPlainString()),
            texts(totals, t -> t.status().name())))
        .mapEmpty();
  }

  /** Records the drawdowns (each {@code drawn_at} the transaction's time). */
  public static Future<Void> record(SqlConnection tx, List<Drawn> drawn) {
    if (drawn.isEmpty()) {
      return Future.succeededFuture();
    }
    return tx.preparedQuery(RECORD).execute(Tuple.of(
            texts(drawn, d -> d.id().toString()),
            texts(drawn, d -> d.licenceId().toString()),
            texts(drawn, Drawn::tenantId),
            texts(drawn, d -> d.quantityKg().toPlainString()),
            texts(drawn, Drawn::shipmentRef)))
        .mapEmpty();
  }
}
