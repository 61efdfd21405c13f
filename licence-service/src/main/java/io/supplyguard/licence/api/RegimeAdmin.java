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
import io.vertx.sqlclient.SqlConnection;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Operators' changes to the regime (ADMIN only). Each runs in one transaction with its audit
 * event and its {@code regime.changed} message, and is validated first: a bad request changes
 * nothing.
 */
final class RegimeAdmin {
  private final Pool pool;
  private final RegimeRepository repository;
  private final RegimeCache cache;
  private final Clock clock;
  private final Runnable published;

  RegimeAdmin(Pool pool, RegimeRepository repository, RegimeCache cache, Clock clock, Runnable published) {
    this.pool = pool;
    this.repository = repository;
    this.cache = cache;
    this.clock = clock;
    this.published = published;
  }

  Future<JsonObject> create(BusRequest request) {
    request.requireAdmin();
    return cache.get().compose(regime -> {
      Measure measure = MeasureInput.create(request.body(), regime);
      return write(tx -> repository.insert(tx, measure).compose(inserted -> {
        if (!inserted) {
          return Future.failedFuture(new ServiceException(FailureCode.CONFLICT,
              "A measure with id " + measure.id() + " exists already; amend it instead.",
              List.of(new FieldError("id", "is taken"))));
        }
        return record(tx, request, "MEASURE", measure.id(), "CREATED", null, measure,
            ChangeEvents.regimeChanged(RegimeEdit.MEASURE_CREATED, null, measure, measure.inForceFrom(),
                dates(measure), clock.instant()));
      }).map(v -> RegimeJson.measure(measure)));
    });
  }

  Future<JsonObject> amend(BusRequest request) {
    request.requireAdmin();
    String id = request.body().getString("id");
    return cache.get().compose(regime -> write(tx -> lock(tx, id).compose(stored -> {
      Measure amended = MeasureInput.amend(request.body(), regime, stored);
      LocalDate effective = earliest(stored.inForceFrom(), amended.inForceFrom());
      List<LocalDate> dates = new ArrayList<>(dates(stored));
      dates.addAll(dates(amended));
      return repository.update(tx, amended)
          .compose(v -> record(tx, request, "MEASURE", id, "AMENDED", stored, amended,
              ChangeEvents.regimeChanged(RegimeEdit.MEASURE_AMENDED, stored, amended, effective, dates,
                  clock.instant())))
          .map(v -> RegimeJson.measure(amended));
    })));
  }

  Future<JsonObject> addSuspension(BusRequest request) {
    request.requireAdmin();
    List<FieldError> errors = new ArrayList<>();
    SuspensionInput input = SuspensionInput.read(request.body(), "", errors);
    if (!errors.isEmpty()) {
      throw ServiceException.invalidFields(errors);
    }
    String measureId = input.measureId();
    LocalDate from = input.from();
    LocalDate until = input.until();
    return write(tx -> lock(tx, measureId).compose(measure -> {
      Optional<Suspension> overlapping = measure.suspensionOverlapping(from, until);
      if (overlapping.isPresent()) {
        return Future.failedFuture(SuspensionInput.overlapConflict("from", overlapping.get()));
      }
      Suspension draft = input.draft(input.reference(), LocalDate.now(clock), null);
      return repository.insertSuspension(tx, measureId, draft).compose(id -> {
        Suspension stored = new Suspension(id, draft.reference(), draft.issuedOn(), from, until, null, draft.source());
        Measure after = measure.withSuspension(stored);
        JsonObject json = RegimeJson.suspension(measureId, stored);
        return ChangeLog.audit(tx, Actors.of(request), "SUSPENSION", String.valueOf(id), null, "ADDED", null, json)
            .compose(v -> ChangeLog.publish(tx, Addresses.REGIME_CHANGED, ChangeEvents.regimeChanged(
                RegimeEdit.SUSPENSION_ADDED, measure, after, from, List.of(from, until.plusDays(1)), clock.instant())))
            .map(v -> json);
      });
    }));
  }

  Future<JsonObject> liftSuspension(BusRequest request) {
    request.requireAdmin();
    String measureId = request.body().getString("measureId");
    Long suspensionId = request.body().getLong("suspensionId");
    LocalDate on = LocalDate.parse(request.body().getString("on"));
    return write(tx -> lock(tx, measureId).compose(measure -> {
      Suspension suspension = measure.suspensions().stream().filter(s -> suspensionId.equals(s.id())).findFirst()
          .orElseThrow(() -> ServiceException.notFound("Suspension " + suspensionId + " of measure " + measureId));
      if (!suspension.liftableOn(on)) {
        throw new ServiceException(FailureCode.CONFLICT, "The suspension ends on " + suspension.lastDay()
            + " already; it can only be lifted on a day up to then.", List.of(new FieldError("on", "is after its end")));
      }
      Suspension lifted = suspension.lift(on);
      JsonObject before = RegimeJson.suspension(measureId, suspension);
      JsonObject after = RegimeJson.suspension(measureId, lifted);
      return repository.liftSuspension(tx, suspensionId, on)
          .compose(v -> ChangeLog.audit(tx, Actors.of(request), "SUSPENSION", String.valueOf(suspensionId), null,
              "LIFTED", before, after))
          .compose(v -> ChangeLog.publish(tx, Addresses.REGIME_CHANGED, ChangeEvents.regimeChanged(
              RegimeEdit.SUSPENSION_LIFTED, measure, measure.withSuspension(lifted), on, List.of(on), clock.instant())))
          .map(v -> after);
    }));
  }

  private Future<Measure> lock(SqlConnection tx, String id) {
    return repository.lock(tx, id).map(found -> found.orElseThrow(() -> ServiceException.notFound("Measure " + id)));
  }

  private Future<Void> record(SqlConnection tx, BusRequest request, String entity, String id, String action,
      Measure before, Measure after, JsonObject event) {
    return ChangeLog.audit(tx, Actors.of(request), entity, id, null, action,
            before == null ? null : RegimeJson.measure(before), after == null ? null : RegimeJson.measure(after))
        .compose(v -> ChangeLog.publish(tx, Addresses.REGIME_CHANGED, event));
  }

  /** Runs a change in a transaction; after commit the cached regime is dropped and the outbox flushed. */
  private Future<JsonObject> write(java.util.function.Function<SqlConnection, Future<JsonObject>> change) {
    return pool.withTransaction(change::apply).onSuccess(v -> {
      cache.invalidate();
      published.run();
    });
  }

  /** The days a measure starts and stops applying (the day after its last day in force). */
  static List<LocalDate> dates(Measure m) {
    List<LocalDate> dates = new ArrayList<>();
    dates.add(m.inForceFrom());
    if (m.inForceUntil() != null) {
      dates.add(m.inForceUntil().plusDays(1));
    }
    return dates;
  }

  private static LocalDate earliest(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }
}
