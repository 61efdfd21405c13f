package io.supplyguard.licence.api;

import io.supplyguard.common.bus.Addresses;
import io.supplyguard.common.bus.BusClient;
import io.supplyguard.common.bus.BusRequest;
import io.supplyguard.common.bus.FailureCode;
import io.supplyguard.common.bus.FieldError;
import io.supplyguard.common.bus.Role;
import io.supplyguard.common.bus.ServiceException;
import io.supplyguard.licence.api.AnnouncementInput.Part;
import io.supplyguard.licence.api.ListingsWriter.ListingsResult;
import io.supplyguard.licence.events.ChangeEvents;
import io.supplyguard.licence.regime.Measure;
import io.supplyguard.licence.regime.Suspension;
import io.supplyguard.licence.store.ChangeLog;
import io.supplyguard.licence.store.Regime;
import io.supplyguard.licence.store.RegimeCache;
import io.supplyguard.licence.store.RegimeRepository;
import io.supplyguard.licence.store.Transactions;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An announcement applied as one change (ADMIN): its measures, suspensions and listings are
 * validated whole ({@link AnnouncementInput}), then written in one transaction with one audit
 * event (entity {@code ANNOUNCEMENT}) and one {@code regime.changed} message
 * ({@code ANNOUNCEMENT_APPLIED}). A dry run stores nothing: the inventory-service computes, for
 * every tenant, the positions the change would reach now and under the announcement as a scenario.
 */
final class Announcements {
  private final Pool pool;
  private final RegimeRepository repository;
  private final RegimeCache cache;
  private final ListingsWriter listings;
  private final BusClient bus;
  private final Clock clock;
  private final Runnable published;

  Announcements(Pool pool, RegimeRepository repository, RegimeCache cache, ListingsWriter listings, BusClient bus,
      Clock clock, Runnable published) {
    this.pool = pool;
    this.repository = repository;
    this.cache = cache;
    this.listings = listings;
    this.bus = bus;
    this.clock = clock;
    this.published = published;
  }

  Future<JsonObject> apply(BusRequest request) {
    request.requireAdmin();
    boolean dryRun = request.body().getBoolean("dryRun", false);
    JsonObject body = request.body().copy();
    body.remove("dryRun");
    return cache.get().compose(regime -> {
      AnnouncementInput announcement = AnnouncementInput.read(body, regime);
      return dryRun ? preview(request, announcement, regime) : store(request, announcement);
    });
  }

  /** One transaction: measures, suspensions, listings, the audit event and the published change. */
  private Future<JsonObject> store(BusRequest request, AnnouncementInput a) {
    return pool.withTransaction(tx -> insertMeasures(tx, a)
        .compose(v -> lockSuspended(tx, a))
        .compose(locked -> insertSuspensions(tx, a, locked).compose(stored -> listings(tx, a).compose(result -> {
          List<Measure> reached = reached(a, locked, stored);
          JsonArray suspensions = new JsonArray();
          for (int i = 0; i < stored.size(); i++) {
            suspensions.add(RegimeJson.suspension(a.suspensions().get(i).measureId(), stored.get(i)));
          }
          JsonObject after = a.toJson(withNewSuspensions(a, stored), suspensions).put("listingsApplied", result.toJson());
          JsonObject event = event(a, reached);
          return ChangeLog.audit(tx, Actors.of(request), "ANNOUNCEMENT", a.number(), null, "APPLIED", null, after)
              .compose(w -> ChangeLog.publish(tx, Addresses.REGIME_CHANGED, event))
              .map(w -> new JsonObject().put("announcement", a.number())
                  .put("measures", new JsonArray(a.measures().stream().map(Measure::id).toList()))
                  .put("suspensions", suspensions)
                  .put("listings", result.toJson())
                  .put("changeId", event.getString("changeId")));
        }))))
        .onSuccess(v -> {
          cache.invalidate();
          published.run();
        });
  }

  /**
   * Nothing stored: the listings are tried in a transaction that is rolled back, and the
   * inventory-service answers, per tenant, the positions whose condition, status or reorder point
   * the announcement would change (the same positions its published change would recompute).
   */
  private Future<JsonObject> preview(BusRequest request, AnnouncementInput a, Regime regime) {
    Map<String, Measure> locked = new LinkedHashMap<>();
    for (Part part : a.suspensions()) {
      regime.measure(part.measureId()).ifPresent(m -> locked.put(m.id(), m));
    }
    List<Suspension> drafts = a.suspensions().stream().map(Part::suspension).toList();
    JsonArray changes = new JsonArray();
    a.measureBodies().forEach(m -> changes.add(new JsonObject().put("type", "NEW_MEASURE").put("measure", m)));
    for (Part part : a.suspensions()) {
      Suspension s = part.suspension();
      changes.add(new JsonObject().put("type", "SUSPENSION_ADDED").put("measureId", part.measureId())
          .put("from", s.from().toString()).put("until", s.until().toString()).put("reference", s.reference()));
    }
    JsonObject scenario = new JsonObject().put("changes", changes);
    if (!a.listings().isEmpty()) {
      // Consignees are screened as if the listings were on their lists (CheckHandlers).
      scenario.put("listings", new JsonArray(a.listings().stream().map(l -> l.toJson()
          .put("added", (l.added() != null ? l.added() : a.issuedOn()).toString())).toList()));
    }
    JsonObject ask = new JsonObject()
        .put("change", event(a, reached(a, locked, drafts)))
        .put("scenario", scenario);
    return tryListings(a).compose(result -> bus.request(Addresses.SCENARIOS_REGIME_CHANGE, ask,
            new BusClient.Caller(request.requestId(), null, Role.ADMIN))
        .map(answer -> new JsonObject().put("dryRun", true).put("announcement", a.number())
            .put("measures", new JsonArray(a.measures().stream().map(Measure::id).toList()))
            .put("suspensions", a.suspensions().size())
            .put("listings", result.toJson())
            .put("tenants", answer.getJsonArray("tenants"))));
  }

  private Future<ListingsResult> tryListings(AnnouncementInput a) {
    if (a.listings().isEmpty()) {
      return Future.succeededFuture(ListingsResult.NONE);
    }
    return Transactions.dryRun(pool, connection -> listings(connection, a));
  }

  private Future<ListingsResult> listings(SqlConnection tx, AnnouncementInput a) {
    return a.listings().isEmpty() ? Future.succeededFuture(ListingsResult.NONE)
        : listings.apply(tx, a.number(), a.issuedOn(), a.listings());
  }

  private Future<Void> insertMeasures(SqlConnection tx, AnnouncementInput a) {
    Future<Void> chain = Future.succeededFuture();
    for (int i = 0; i < a.measures().size(); i++) {
      int index = i;
      Measure m = a.measures().get(i);
      chain = chain.compose(v -> repository.insert(tx, m).compose(inserted -> inserted ? Future.<Void>succeededFuture()
          : Future.failedFuture(new ServiceException(FailureCode.CONFLICT, "A measure with id " + m.id()
              + " exists already; amend it instead.",
              List.of(new FieldError("measures[" + index + "].id", "is taken"))))));
    }
    return chain;
  }

  /** Locks the stored measures the suspensions name, and checks again under the lock that none overlaps. */
  private Future<Map<String, Measure>> lockSuspended(SqlConnection tx, AnnouncementInput a) {
    Map<String, Measure> locked = new LinkedHashMap<>();
    Future<Void> chain = Future.succeededFuture();
    for (Part part : a.suspensions()) {
      boolean isNew = a.measures().stream().anyMatch(m -> m.id().equals(part.measureId()));
      if (!isNew) {
        chain = chain.compose(v -> locked.containsKey(part.measureId()) ? Future.succeededFuture()
            : repository.lock(tx, part.measureId()).map(found -> {
              found.ifPresent(m -> locked.put(m.id(), m));
              return null;
            }));
      }
    }
    return chain.map(v -> {
      List<FieldError> conflicts = new ArrayList<>();
      for (int i = 0; i < a.suspensions().size(); i++) {
        String id = a.suspensions().get(i).measureId();
        Measure measure = locked.containsKey(id) ? locked.get(id) : a.newMeasure(id);
        a.overlap(measure, i).ifPresent(conflicts::add);
      }
      if (!conflicts.isEmpty() || locked.size() < a.suspensions().stream().map(Part::measureId)
          .filter(id -> a.measures().stream().noneMatch(m -> m.id().equals(id))).distinct().count()) {
        throw conflicts.isEmpty()
            ? new ServiceException(FailureCode.CONFLICT, "A measure the announcement suspends was removed meanwhile.")
            : new ServiceException(FailureCode.CONFLICT, "The announcement conflicts with the regime as recorded.",
                conflicts);
      }
      return locked;
    });
  }

  private Future<List<Suspension>> insertSuspensions(SqlConnection tx, AnnouncementInput a,
      Map<String, Measure> locked) {
    List<Suspension> stored = new ArrayList<>();
    Future<Void> chain = Future.succeededFuture();
    for (Part part : a.suspensions()) {
      Suspension s = part.suspension();
      chain = chain.compose(v -> repository.insertSuspension(tx, part.measureId(), s).map(id -> {
        stored.add(new Suspension(id, s.reference(), s.issuedOn(), s.from(), s.until(), null, s.source()));
        return null;
      }));
    }
    return chain.map(v -> stored);
  }

  /** The new measures with their new suspensions, as stored. */
  private static List<Measure> withNewSuspensions(AnnouncementInput a, List<Suspension> suspensions) {
    List<Measure> result = new ArrayList<>();
    for (Measure m : a.measures()) {
      Measure with = m;
      for (int i = 0; i < suspensions.size(); i++) {
        if (a.suspensions().get(i).measureId().equals(m.id())) {
          with = with.withSuspension(suspensions.get(i));
        }
      }
      result.add(with);
    }
    return result;
  }

  /** Every measure the announcement changes, as it is after: its new measures and the stored ones it suspends. */
  private static List<Measure> reached(AnnouncementInput a, Map<String, Measure> stored, List<Suspension> suspensions) {
    List<Measure> reached = new ArrayList<>(withNewSuspensions(a, suspensions));
    for (Measure m : stored.values()) {
      Measure with = m;
      for (int i = 0; i < suspensions.size(); i++) {
        if (a.suspensions().get(i).measureId().equals(m.id())) {
          with = with.withSuspension(suspensions.get(i));
        }
      }
      reached.add(with);
    }
    return reached;
  }

  private JsonObject event(AnnouncementInput a, List<Measure> reached) {
    List<LocalDate> dates = new ArrayList<>();
    a.measures().forEach(m -> dates.addAll(RegimeAdmin.dates(m)));
    for (Part part : a.suspensions()) {
      dates.add(part.suspension().from());
      dates.add(part.suspension().until().plusDays(1));
    }
    LocalDate effective = dates.stream().min(LocalDate::compareTo).orElse(a.issuedOn());
    return ChangeEvents.announcementApplied(a.number(), reached, !a.listings().isEmpty(), effective, dates,
        clock.instant());
  }
}
