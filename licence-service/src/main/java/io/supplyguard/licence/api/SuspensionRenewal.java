package io.supplyguard.licence.api;

import io.supplyguard.common.bus.Addresses;
import io.supplyguard.common.bus.BusRequest;
import io.supplyguard.common.bus.FailureCode;
import io.supplyguard.common.bus.FieldError;
import io.supplyguard.common.bus.ServiceException;
import io.supplyguard.licence.events.ChangeEvents;
import io.supplyguard.licence.events.ChangeEvents.RegimeEdit;
import io.supplyguard.licence.regime.Measure;
import io.supplyguard.licence.regime.Suspension;
import io.supplyguard.licence.store.ChangeLog;
import io.supplyguard.licence.store.RegimeCache;
import io.supplyguard.licence.store.RegimeRepository;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * ADMIN sets the probability that a suspension is extended past its last day, with a note of
 * why ({@link Addresses#REGIME_SUSPENSION_RENEWAL}). Like every change to the regime it runs in
 * one transaction with its audit event (the suspension before and after) and its
 * {@code regime.changed} message, and is validated first: a bad request changes nothing.
 */
final class SuspensionRenewal {
  private final Pool pool;
  private final RegimeRepository repository;
  private final RegimeCache cache;
  private final Clock clock;
  private final Runnable published;

  SuspensionRenewal(Pool pool, RegimeRepository repository, RegimeCache cache, Clock clock, Runnable published) {
    this.pool = pool;
    this.repository = repository;
    this.cache = cache;
    this.clock = clock;
    this.published = published;
  }

  Future<JsonObject> set(BusRequest request) {
    request.requireAdmin();
    JsonObject in = request.body();
    String measureId = in.getString("measureId");
    Long suspensionId = in.getLong("suspensionId");
    BigDecimal probability = exact(in.getNumber("renewalProbability"));
    String note = Texts.trimmed(in, "note");
    LocalDate today = LocalDate.now(clock);
    return pool.withTransaction(tx -> repository.lock(tx, measureId).compose(found -> {
      Measure measure = found.orElseThrow(() -> ServiceException.notFound("Measure " + measureId));
      Suspension suspension = measure.suspensions().stream().filter(s -> suspensionId.equals(s.id())).findFirst()
          .orElseThrow(() -> ServiceException.notFound("Suspension " + suspensionId + " of measure " + measureId));
      if (suspension.endedBefore(today)) {
        throw new ServiceException(FailureCode.CONFLICT, "Suspension " + suspensionId + " (" + suspension.reference()
            + ") ended on " + suspension.lastDay() + ", before today (" + today + "): the last day of a suspension has"
            + " passed, so whether it is extended is no longer a probability. Record an extension as a new"
            + " suspension instead.", List.of(new FieldError("suspensionId", "has ended")));
      }
      Suspension changed = suspension.withRenewal(probability, note);
      JsonObject before = RegimeJson.suspension(measureId, suspension);
      JsonObject after = RegimeJson.suspension(measureId, changed);
      JsonObject event = ChangeEvents.regimeChanged(RegimeEdit.SUSPENSION_RENEWAL_PROBABILITY_SET, measure,
          measure.withSuspension(changed), today, List.of(today, suspension.lastDay().plusDays(1)), clock.instant())
          .put("suspensionId", suspensionId)
          .put("renewalProbability", probability);
      return repository.setRenewal(tx, suspensionId, probability, note, by(request))
          .compose(v -> ChangeLog.audit(tx, Actors.of(request), "SUSPENSION", String.valueOf(suspensionId), null,
              "RENEWAL_PROBABILITY_SET", before, after))
          .compose(v -> ChangeLog.publish(tx, Addresses.REGIME_CHANGED, event))
          .map(v -> after);
    })).onSuccess(v -> {
      cache.invalidate();
      published.run();
    });
  }

  /**
   * A probability the contract has checked (at most 6 decimals: {@code multipleOf: 0.000001}), kept
   * exactly as written, so that the weights of the futures it splits are exact.
   */
  static BigDecimal exact(Number probability) {
    BigDecimal exact = new BigDecimal(probability.toString());
    return exact.signum() == 0 ? BigDecimal.ZERO : exact.stripTrailingZeros();
  }

  private static String by(BusRequest request) {
    String role = request.role() == null ? "UNKNOWN" : request.role().name();
    return request.tenantId() == null ? role : role + ":" + request.tenantId();
  }
}
