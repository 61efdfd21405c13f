package io.supplyguard.licence.api;

import io.supplyguard.common.bus.Addresses;
import io.supplyguard.common.bus.BusRequest;
import io.supplyguard.common.bus.FailureCode;
import io.supplyguard.common.bus.FieldError;
import io.supplyguard.common.bus.ServiceException;
import io.supplyguard.licence.events.ChangeEvents;
import io.supplyguard.licence.registry.Licence;
import io.supplyguard.licence.registry.LicenceLifecycle;
import io.supplyguard.licence.registry.LicenceStatus;
import io.supplyguard.licence.registry.StatusRefusal;
import io.supplyguard.licence.registry.WorkingDays;
import io.supplyguard.licence.store.AuditRepository;
import io.supplyguard.licence.store.ChangeLog;
import io.supplyguard.licence.store.LicenceFilter;
import io.supplyguard.licence.store.LicenceRepository;
import io.supplyguard.licence.store.RegimeCache;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The licence registry on the bus: register, read, list, change status, history (drawdowns: {@link Drawdowns}). */
final class LicenceHandlers {
  private final Pool pool;
  private final LicenceRepository licences;
  private final AuditRepository audit;
  private final RegimeCache regime;
  private final Clock clock;
  private final WorkingDays calendar;
  private final int reviewWorkingDays;
  private final Runnable published;

  LicenceHandlers(Pool pool, LicenceRepository licences, AuditRepository audit, RegimeCache regime, Clock clock,
      WorkingDays calendar, int reviewWorkingDays, Runnable published) {
    this.pool = pool;
    this.licences = licences;
    this.audit = audit;
    this.regime = regime;
    this.clock = clock;
    this.calendar = calendar;
    this.reviewWorkingDays = reviewWorkingDays;
    this.published = published;
  }

  Future<JsonObject> register(BusRequest request) {
    String tenant = request.requireTenant();
    return regime.get().compose(current -> {
      Licence draft = LicenceInput.register(request.body(), tenant, current, today(), calendar, reviewWorkingDays);
      return Idempotent.run(pool, request, "register-licence", tx -> licences.insert(tx, draft).compose(stored ->
          changed(tx, request, "REGISTERED", null, stored).map(v -> LicenceJson.of(stored))));
    }).onSuccess(v -> published.run());
  }

  Future<JsonObject> get(BusRequest request) {
    return find(request).map(LicenceJson::of);
  }

  Future<JsonObject> list(BusRequest request) {
    JsonObject in = request.body();
    String status = in.getString("status");
    Integer expiringWithin = in.getInteger("expiringWithinDays");
    LocalDate asOf = in.containsKey("asOf") ? LocalDate.parse(in.getString("asOf")) : today();
    LocalDate expiringBy = expiringWithin == null ? null : asOf.plusDays(expiringWithin);
    String tenant = request.isAdmin() ? request.tenantId() : request.requireTenant();
    LicenceFilter filter = new LicenceFilter(tenant, status == null ? null : LicenceStatus.valueOf(status),
        in.getString("element"), expiringBy, in.getInteger("limit", 100), in.getInteger("offset", 0));
    return licences.list(filter).map(found -> new JsonObject()
        .put("licences", new JsonArray(found.stream().map(LicenceJson::of).toList()))
        .put("limit", filter.limit())
        .put("offset", filter.offset()));
  }

  Future<JsonObject> transition(BusRequest request) {
    String tenant = request.requireTenant();
    UUID id = UUID.fromString(request.body().getString("id"));
    LicenceStatus target = LicenceStatus.valueOf(request.body().getString("status"));
    String reason = Texts.trimmed(request.body(), "reason");
    return pool.withTransaction(tx -> licences.lock(tx, id, tenant).compose(found -> {
      Licence current = found.orElseThrow(() -> ServiceException.notFound("Licence " + id));
      Optional<StatusRefusal> refused = current.refusesBecoming(target, today());
      if (refused.isPresent()) {
        throw refusal(refused.get(), current, target);
      }
      return licences.setStatus(tx, id, target, reason, target == LicenceStatus.APPLIED ? current.decisionDueBy() : null)
          .compose(updated -> changed(tx, request, target.name(), current, updated).map(v -> LicenceJson.of(updated)));
    })).onSuccess(v -> published.run());
  }

  Future<JsonObject> history(BusRequest request) {
    return find(request).compose(licence -> audit.ofEntity("LICENCE", licence.id().toString()))
        .map(events -> new JsonObject().put("events", new JsonArray(events)));
  }

  /** The 409 for a status change the licence refuses, naming the field that asked for it. */
  private static ServiceException refusal(StatusRefusal why, Licence current, LicenceStatus target) {
    return switch (why) {
      case NOT_ALLOWED_FROM -> {
        List<String> allowed = LicenceLifecycle.allowedFrom(current.status()).stream().map(Enum::name).sorted()
            .toList();
        yield new ServiceException(FailureCode.CONFLICT, "A licence that is " + current.status() + " cannot become "
            + target + (allowed.isEmpty() ? "; it can no longer change."
                : "; it can become " + String.join(" or ", allowed) + "."),
            List.of(new FieldError("status", "is not allowed from " + current.status())),
            new JsonObject().put("allowed", new JsonArray(allowed)).put("currentStatus", current.status().name()));
      }
      case PAST_VALID_TO -> new ServiceException(FailureCode.CONFLICT,
          "The licence's validity ended on " + current.validTo() + ".",
          List.of(new FieldError("status", "the licence is past validTo")));
    };
  }

  private Future<Void> changed(SqlConnection tx, BusRequest request, String change, Licence before, Licence after) {
    // Sent together: PostgreSQL receives both inserts in one round trip (vertx-pg-client pipelines them).
    return Future.all(ChangeLog.audit(tx, Actors.of(request), "LICENCE", after.id().toString(), after.tenantId(), change,
            before == null ? null : LicenceJson.of(before), LicenceJson.of(after)),
        ChangeLog.publish(tx, Addresses.LICENCE_CHANGED, ChangeEvents.licenceChanged(change, after, clock.instant())))
        .mapEmpty();
  }

  /** The licence of the request's {@code id}, when the caller may see it: its owner, or ADMIN (within the tenant it names, if it names one). */
  private Future<Licence> find(BusRequest request) {
    UUID id = UUID.fromString(request.body().getString("id"));
    String tenant = request.isAdmin() ? request.tenantId() : request.requireTenant();
    return licences.find(id, tenant).map(found -> found.orElseThrow(() -> ServiceException.notFound("Licence " + id)));
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }
}
