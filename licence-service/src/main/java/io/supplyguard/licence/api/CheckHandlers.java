package io.supplyguard.licence.api;

import io.supplyguard.common.bus.BodyReader;
import io.supplyguard.common.bus.BusRequest;
import io.supplyguard.common.bus.FieldError;
import io.supplyguard.common.bus.ServiceException;
import io.supplyguard.licence.check.Decision;
import io.supplyguard.licence.check.DenialRisk;
import io.supplyguard.licence.check.Determination;
import io.supplyguard.licence.check.Determiner;
import io.supplyguard.licence.check.Futures;
import io.supplyguard.licence.check.Scenario;
import io.supplyguard.licence.check.ScenarioChange;
import io.supplyguard.licence.regime.Measure;
import io.supplyguard.licence.check.SupplyQuery;
import io.supplyguard.licence.registry.Licence;
import io.supplyguard.licence.registry.WorkingDays;
import io.supplyguard.licence.store.DenialRiskCache;
import io.supplyguard.licence.store.LicenceRepository;
import io.supplyguard.licence.store.Regime;
import io.supplyguard.licence.store.RegimeCache;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Determinations: one shipment ({@code licence.check}) or a batch of stock positions
 * ({@code licence.conditions}), each from one read of the regime and of the tenant's licences.
 */
final class CheckHandlers {
  private static final int MAX_BATCH = 10_000;

  private final RegimeCache regime;
  private final LicenceRepository licences;
  private final Clock clock;
  private final WorkingDays calendar;
  private final int reviewWorkingDays;
  private final DenialRiskCache denials;
  /** The regimes of the futures of the stored regime, kept while it is (see {@link #futureRegimes}). */
  private Futures.Regimes futureRegimes;

  CheckHandlers(RegimeCache regime, LicenceRepository licences, Clock clock, WorkingDays calendar,
      int reviewWorkingDays, DenialRiskCache denials) {
    this.regime = regime;
    this.licences = licences;
    this.clock = clock;
    this.calendar = calendar;
    this.reviewWorkingDays = reviewWorkingDays;
    this.denials = denials;
  }

  Future<JsonObject> check(BusRequest request) {
    return regime.get().compose(current -> {
      BodyReader in = new BodyReader(request.body());
      LocalDate given = in.date("asOf", false);
      Integer horizon = in.integer("horizonDays", false, 0, 3650);
      SupplyQuery query = query(in, current, "quantityKg", given != null ? given : LocalDate.now(clock),
          horizon == null ? 0 : horizon, horizon == null ? 0 : horizon);
      in.check();
      Futures.Regimes regimes = futureRegimes(current.measures());
      return Future.all(tenantLicences(request), denials.get()).map(all -> {
        List<Licence> own = all.resultAt(0);
        Determination d = Determiner.determine(query, regimes.regime(), own);
        return DenialProbabilities.annotate(FuturesJson.with(DeterminationJson.of(d), Futures.of(d, regimes, own)),
            all.resultAt(1));
      });
    });
  }

  Future<JsonObject> conditions(BusRequest request) {
    return regime.get().compose(current -> {
      BodyReader in = new BodyReader(request.body());
      LocalDate given = in.date("asOf", false);
      LocalDate asOf = given != null ? given : LocalDate.now(clock);
      JsonArray positions = request.body().getValue("positions") instanceof JsonArray a ? a : null;
      if (positions == null || positions.size() > MAX_BATCH) {
        in.error("positions", "must be a list of at most " + MAX_BATCH + " positions");
      }
      in.check();
      List<SupplyQuery> queries = new ArrayList<>();
      List<String> keys = new ArrayList<>();
      List<FieldError> errors = new ArrayList<>();
      for (int i = 0; i < positions.size(); i++) {
        BodyReader position = new BodyReader(positions.getValue(i) instanceof JsonObject o ? o : new JsonObject());
        keys.add(position.text("key", true, 200));
        Integer horizon = position.integer("horizonDays", true, 0, 3650);
        Integer lead = position.integer("leadTimeDays", true, 0, 3650);
        queries.add(query(position, current, "orderQuantityKg", asOf, horizon == null ? 0 : horizon, lead == null ? 0 : lead));
        errors.addAll(position.errors("positions[" + i + "]."));
      }
      if (!errors.isEmpty()) {
        throw ServiceException.invalidFields(errors);
      }
      List<ScenarioChange> changes = ScenarioInput.changes(request.body().getJsonObject("scenario"), current);
      List<Measure> measures = Scenario.regime(current.measures(), changes);
      Futures.Regimes regimes = changes.isEmpty() ? futureRegimes(current.measures()) : new Futures.Regimes(measures);
      long reviewDays = ChronoUnit.DAYS.between(asOf, calendar.after(asOf, reviewWorkingDays));
      return Future.all(tenantLicences(request), denials.get()).map(all -> {
        List<Licence> own = all.resultAt(0);
        DenialRisk risk = all.resultAt(1);
        List<Licence> usable = Scenario.licences(own, changes);
        // Positions alike (same material, destination, end use, horizon, quantity) share one
        // determination: it is decided and sent once, and the positions point at it.
        Map<SupplyQuery, Integer> seen = new HashMap<>();
        JsonArray determinations = new JsonArray();
        JsonArray conditions = new JsonArray();
        for (int i = 0; i < queries.size(); i++) {
          SupplyQuery query = queries.get(i);
          Integer index = seen.get(query);
          String condition;
          if (index == null) {
            Determination d = Determiner.determine(query, measures, usable);
            index = determinations.size();
            seen.put(query, index);
            determinations.add(DenialProbabilities.annotate(
                FuturesJson.with(DeterminationJson.of(d), Futures.of(d, regimes, usable)), risk)
                .put("condition", condition(d)));
          }
          condition = determinations.getJsonObject(index).getString("condition");
          conditions.add(new JsonObject().put("key", keys.get(i)).put("condition", condition).put("determination", index));
        }
        return new JsonObject().put("asOf", asOf.toString()).put("reviewDays", reviewDays)
            .put("determinations", determinations).put("conditions", conditions);
      });
    });
  }

  /** The supply condition a determination's decision stands for (docs/buffer-model.md, "Supply condition"). */
  private static String condition(Determination d) {
    return FuturesJson.condition(d.decision());
  }

  /**
   * The futures' regimes of the stored regime, shared by every request until the regime changes
   * (the cache then answers another list); a scenario's regime gets its own for its request.
   */
  private Futures.Regimes futureRegimes(List<Measure> stored) {
    Futures.Regimes kept = futureRegimes;
    if (kept == null || kept.regime() != stored) {
      kept = new Futures.Regimes(stored);
      futureRegimes = kept;
    }
    return kept;
  }

  private static SupplyQuery query(BodyReader in, Regime current, String quantityField, LocalDate asOf, int horizon,
      int coverage) {
    Set<String> elements = in.strings("elements", true, false, current::isElement, "a rare-earth element symbol");
    String form = in.text("form", true, 40);
    if (form != null && !current.forms().contains(form)) {
      in.error("form", "must be one of " + current.forms().stream().sorted().toList());
    }
    String destination = in.country("destination", true);
    String endUse = in.code("endUse", true);
    BigDecimal quantity = in.quantity(quantityField, false);
    if (in.hasErrors()) {
      return null;
    }
    return new SupplyQuery(elements, form, destination, endUse, quantity, asOf, horizon, coverage);
  }

  private Future<List<Licence>> tenantLicences(BusRequest request) {
    return request.tenantId() == null ? Future.succeededFuture(List.of()) : licences.active(request.tenantId());
  }
}
