package io.supplyguard.licence.api;

import io.supplyguard.common.bus.Addresses;
import io.supplyguard.common.bus.FailureCode;
import io.supplyguard.common.bus.FieldError;
import io.supplyguard.common.bus.ServiceException;
import io.supplyguard.licence.events.ChangeEvents;
import io.supplyguard.licence.registry.DrawRefusal;
import io.supplyguard.licence.registry.Licence;
import io.supplyguard.licence.registry.LicenceStatus;
import io.supplyguard.licence.store.ChangeLog;
import io.supplyguard.licence.store.DrawdownRepository;
import io.supplyguard.licence.store.DrawdownRepository.Draw;
import io.supplyguard.licence.store.DrawdownRepository.Drawn;
import io.supplyguard.licence.store.DrawdownRepository.Locked;
import io.supplyguard.licence.store.DrawdownRepository.Total;
import io.supplyguard.licence.store.IdempotencyStore;
import io.supplyguard.licence.store.IdempotencyStore.Claim;
import io.supplyguard.licence.store.IdempotencyStore.Earlier;
import io.supplyguard.licence.store.Transactions;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One transaction that decides and records a batch of drawdowns, at most one per
 * Idempotency-Key: replays answered from their keys; the licences locked in id order and each
 * drawdown decided, in the batch's order, on the licence as the ones before it left it; then
 * every licence's total drawn, the drawdowns, audit events, outbox messages and keys' outcomes
 * written by one statement each. Answers each drawdown's outcome, in the batch's order.
 */
final class DrawdownBatch {
  /** A connection of its own: the batch sends BEGIN and COMMIT itself. */
  private final SqlConnection tx;
  private final List<DrawdownRequest> batch;
  private final LocalDate today;
  private final JsonObject[] outcomes;

  DrawdownBatch(SqlConnection tx, List<DrawdownRequest> batch, LocalDate today) {
    this.tx = tx;
    this.batch = batch;
    this.today = today;
    this.outcomes = new JsonObject[batch.size()];
  }

  /**
   * Runs the batch in a transaction of its own: BEGIN is sent with the first statements and
   * COMMIT with the last, so that a batch without keys is two round trips. On failure the
   * transaction is rolled back and the failure answered.
   */
  Future<List<JsonObject>> run() {
    Future<Void> begun = Transactions.begin(tx);
    List<Claim> claims = batch.stream().map(DrawdownRequest::claim).filter(c -> c != null).toList();
    Future<Void> done = claims.isEmpty()
        ? Future.all(begun, draw(Map.of())).mapEmpty()
        : Future.all(begun, IdempotencyStore.claim(tx, claims)).compose(all -> draw(all.resultAt(1)));
    return done.map(v -> List.of(outcomes))
        .recover(failure -> Transactions.rollBack(tx, failure));
  }

  private Future<Void> draw(Map<Claim, Earlier> held) {
    List<Integer> drawing = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      Claim claim = batch.get(i).claim();
      if (claim != null && held.containsKey(claim)) {
        outcomes[i] = Idempotent.replay(held.get(claim), claim.requestHash());
      } else {
        drawing.add(i);
      }
    }
    if (drawing.isEmpty()) {
      return commit(List.of());
    }
    List<UUID> ids = drawing.stream().map(i -> batch.get(i).draw().licenceId()).distinct().toList();
    return DrawdownRepository.lock(tx, ids).compose(locked -> decide(drawing, locked));
  }

  private Future<Void> decide(List<Integer> drawing, Locked locked) {
    Map<UUID, Licence> now = new HashMap<>(locked.licences());
    Map<UUID, BigDecimal> totals = new LinkedHashMap<>();
    List<Drawn> rows = new ArrayList<>();
    List<ChangeLog.Entry> audit = new ArrayList<>();
    List<JsonObject> events = new ArrayList<>();
    for (int i : drawing) {
      DrawdownRequest request = batch.get(i);
      Draw draw = request.draw();
      Licence was = now.get(draw.licenceId());
      if (was == null || !was.tenantId().equals(draw.tenantId())) {
        outcomes[i] = Outcome.refused(ServiceException.notFound("Licence " + draw.licenceId()));
        continue;
      }
      Optional<DrawRefusal> refused = was.refusesDrawing(draw.quantityKg(), today);
      if (refused.isPresent()) {
        outcomes[i] = Outcome.refused(refusal(refused.get(), was, draw.quantityKg()));
        continue;
      }
      Licence is = was.drawn(draw.quantityKg(), locked.at());
      now.put(is.id(), is);
      totals.merge(is.id(), draw.quantityKg(), BigDecimal::add);
      String change = is.status() == LicenceStatus.EXHAUSTED ? "EXHAUSTED" : "DRAWN";
      Drawn row = new Drawn(UUID.randomUUID(), is.id(), is.tenantId(), draw.quantityKg(), request.shipmentRef());
      rows.add(row);
      audit.add(new ChangeLog.Entry(request.actor(), "LICENCE", is.id().toString(), is.tenantId(), change,
          LicenceJson.of(was), LicenceJson.of(is)));
      events.add(ChangeEvents.licenceChanged(change, is, locked.at()));
      outcomes[i] = Outcome.ok(new JsonObject()
          .put("id", row.id().toString())
          .put("licenceId", row.licenceId().toString())
          .put("quantityKg", row.quantityKg())
          .put("shipmentRef", row.shipmentRef())
          .put("drawnAt", locked.at().toString())
          .put("drawnKg", is.drawnKg())
          .put("remainingKg", is.remainingKg())
          .put("licenceStatus", is.status().name()));
    }
    List<Total> drawn = totals.entrySet().stream()
        .map(e -> new Total(e.getKey(), e.getValue(), now.get(e.getKey()).status())).toList();
    // Sent together with the keys' outcomes and the commit: one round trip.
    return commit(List.of(DrawdownRepository.draw(tx, drawn), DrawdownRepository.record(tx, rows),
        ChangeLog.audit(tx, audit), ChangeLog.publish(tx, Addresses.LICENCE_CHANGED, events),
        completeClaims(drawing)));
  }

  /** COMMIT, sent after {@code writes}; a failed write fails the batch (PostgreSQL then rolls back). */
  private Future<Void> commit(List<Future<Void>> writes) {
    List<Future<Void>> all = new ArrayList<>(writes);
    all.add(Transactions.commit(tx));
    return Future.all(all).mapEmpty();
  }

  /** Keeps the outcome of every drawdown that claimed its key, refusals included: a replay answers the same. */
  private Future<Void> completeClaims(List<Integer> drawing) {
    Map<Claim, JsonObject> claimed = new HashMap<>();
    for (int i : drawing) {
      Claim claim = batch.get(i).claim();
      if (claim != null) {
        claimed.put(claim, outcomes[i]);
      }
    }
    return IdempotencyStore.complete(tx, claimed);
  }

  /** The refusal a caller reads, with the licence's facts. */
  private ServiceException refusal(DrawRefusal why, Licence licence, BigDecimal quantity) {
    JsonObject facts = new JsonObject().put("remainingKg", licence.remainingKg()).put("licenceStatus", licence.status().name());
    return switch (why) {
      case NOT_ACTIVE -> new ServiceException(FailureCode.CONFLICT, "The licence is " + licence.status()
          + "; only an ACTIVE licence can be drawn on.", List.of(), facts);
      case NOT_VALID_ON_THE_DAY -> new ServiceException(FailureCode.CONFLICT, "The licence is valid from "
          + licence.validFrom() + " to " + licence.validTo() + ", not on " + today + ".", List.of(), facts);
      case OVER_THE_CAP -> new ServiceException(FailureCode.CONFLICT, "Drawing " + quantity.toPlainString()
          + " kg would exceed the cap: " + licence.remainingKg().toPlainString() + " kg remain.",
          List.of(new FieldError("quantityKg", "exceeds the " + licence.remainingKg().toPlainString() + " kg that remain")),
          facts);
    };
  }
}
