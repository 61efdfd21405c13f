package io.supplyguard.licence.api;

import io.supplyguard.common.bus.Addresses;
import io.supplyguard.common.bus.FailureCode;
import io.supplyguard.common.bus.FieldError;
import io.supplyguard.common.bus.ServiceException;
import io.supplyguard.licence.events.ChangeEvents;
import io.supplyguard.licence.registry.Licence;
import io.supplyguard.licence.registry.LicenceStatus;
import io.supplyguard.licence.store.ChangeLog;
import io.supplyguard.licence.store.DrawdownRepository;
import io.supplyguard.licence.store.DrawdownRepository.Draw;
import io.supplyguard.licence.store.DrawdownRepository.Drawn;
import io.supplyguard.licence.store.IdempotencyStore;
import io.supplyguard.licence.store.IdempotencyStore.Claim;
import io.supplyguard.licence.store.IdempotencyStore.Earlier;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One transaction that decides and records a batch of drawdowns, at most one per licence and
 * per Idempotency-Key: replays answered from their keys, the licences locked in id order and
 * drawn by one statement, then the drawdowns, audit events, outbox messages and keys' outcomes
 * written by one statement each. Answers each drawdown's outcome, in the batch's order.
 */
final class DrawdownBatch {
  private final SqlConnection tx;
  private final List<DrawdownRequest> batch;
  private final LocalDate today;
  private final Instant now;
  private final JsonObject[] outcomes;

  DrawdownBatch(SqlConnection tx, List<DrawdownRequest> batch, LocalDate today, Instant now) {
    this.tx = tx;
    this.batch = batch;
    this.today = today;
    this.now = now;
    this.outcomes = new JsonObject[batch.size()];
  }

  Future<List<JsonObject>> run() {
    List<Claim> claims = batch.stream().map(DrawdownRequest::claim).filter(c -> c != null).toList();
    Future<Map<Claim, Earlier>> held = claims.isEmpty()
        ? Future.succeededFuture(Map.of())
        : IdempotencyStore.claim(tx, claims);
    return held.compose(this::draw).map(v -> List.of(outcomes));
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
      return Future.succeededFuture();
    }
    List<Draw> draws = drawing.stream().map(i -> batch.get(i).draw()).toList();
    // Sent together: the lock, then the update, in one round trip.
    Future<Map<UUID, Licence>> before = DrawdownRepository.lock(tx, draws.stream().map(Draw::licenceId).toList());
    Future<Map<UUID, Licence>> after = DrawdownRepository.draw(tx, draws, today);
    return Future.all(before, after).compose(v -> record(drawing, before.result(), after.result()));
  }

  private Future<Void> record(List<Integer> drawing, Map<UUID, Licence> before, Map<UUID, Licence> after) {
    List<Integer> drawn = new ArrayList<>();
    List<Drawn> rows = new ArrayList<>();
    List<ChangeLog.Entry> audit = new ArrayList<>();
    List<JsonObject> events = new ArrayList<>();
    for (int i : drawing) {
      DrawdownRequest request = batch.get(i);
      Draw draw = request.draw();
      Licence was = before.get(draw.licenceId());
      Licence is = after.get(draw.licenceId());
      if (is == null) {
        outcomes[i] = Outcome.refused(was == null || !was.tenantId().equals(draw.tenantId())
            ? ServiceException.notFound("Licence " + draw.licenceId())
            : refusal(was, draw.quantityKg()));
        continue;
      }
      String change = is.status() == LicenceStatus.EXHAUSTED ? "EXHAUSTED" : "DRAWN";
      drawn.add(i);
      rows.add(new Drawn(UUID.randomUUID(), is.id(), is.tenantId(), draw.quantityKg(), request.shipmentRef()));
      audit.add(new ChangeLog.Entry(request.actor(), "LICENCE", is.id().toString(), is.tenantId(), change,
          LicenceJson.of(was), LicenceJson.of(is)));
      events.add(ChangeEvents.licenceChanged(change, is, now));
    }
    // Sent together, as above: the three inserts in one round trip.
    Future<Map<UUID, Instant>> stored = DrawdownRepository.record(tx, rows);
    Future<Void> logged = ChangeLog.audit(tx, audit);
    Future<Void> announced = ChangeLog.publish(tx, Addresses.LICENCE_CHANGED, events);
    return Future.all(stored, logged, announced).compose(v -> {
      for (int k = 0; k < drawn.size(); k++) {
        Drawn row = rows.get(k);
        Licence is = after.get(row.licenceId());
        outcomes[drawn.get(k)] = Outcome.ok(new JsonObject()
            .put("id", row.id().toString())
            .put("licenceId", row.licenceId().toString())
            .put("quantityKg", row.quantityKg())
            .put("shipmentRef", row.shipmentRef())
            .put("drawnAt", stored.result().get(row.id()).toString())
            .put("drawnKg", is.drawnKg())
            .put("remainingKg", is.remainingKg())
            .put("licenceStatus", is.status().name()));
      }
      return completeClaims(drawing);
    });
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

  /** Why a drawdown was refused, from the licence as it was locked. */
  private ServiceException refusal(Licence licence, BigDecimal quantity) {
    JsonObject facts = new JsonObject().put("remainingKg", licence.remainingKg()).put("licenceStatus", licence.status().name());
    if (licence.status() != LicenceStatus.ACTIVE) {
      return new ServiceException(FailureCode.CONFLICT, "The licence is " + licence.status()
          + "; only an ACTIVE licence can be drawn on.", List.of(), facts);
    }
    if (!licence.validOn(today)) {
      return new ServiceException(FailureCode.CONFLICT, "The licence is valid from " + licence.validFrom() + " to "
          + licence.validTo() + ", not on " + today + ".", List.of(), facts);
    }
    return new ServiceException(FailureCode.CONFLICT, "Drawing " + quantity.toPlainString() + " kg would exceed the cap: "
        + licence.remainingKg().toPlainString() + " kg remain.",
        List.of(new FieldError("quantityKg", "exceeds the " + licence.remainingKg().toPlainString() + " kg that remain")),
        facts);
  }
}
