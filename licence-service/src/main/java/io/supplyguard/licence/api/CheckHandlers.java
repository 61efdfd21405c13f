package io.supplyguard.licence.api;

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
import io.supplyguard.licence.screening.ListedParty;
import io.supplyguard.licence.screening.PartyList;
import io.supplyguard.licence.screening.Screening;
import io.supplyguard.licence.screening.ScreeningMatch;
import io.supplyguard.licence.store.DenialRiskCache;
import io.supplyguard.licence.store.LicenceRepository;
import io.supplyguard.licence.store.ListedPartyCache;
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

  private final RegimeCache regime;
  private final LicenceRepository licences;
  private final Clock clock;
  private final WorkingDays calendar;
  private final int reviewWorkingDays;
  private final DenialRiskCache denials;
  private ListedPartyCache parties;
  private int watchListExtraWorkingDays;
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

  /**
   * Screens consignees against China's lists (docs/regime.md, "Screening"); a Watch List
   * consignee's review takes {@code watchListExtraWorkingDays} more.
   */
  CheckHandlers screening(ListedPartyCache parties, int watchListExtraWorkingDays) {
    this.parties = parties;
    this.watchListExtraWorkingDays = watchListExtraWorkingDays;
    return this;
  }

  Future<JsonObject> check(BusRequest request) {
    return regime.get().compose(current -> {
      JsonObject in = request.body();
      int horizon = in.getInteger("horizonDays", 0);
      List<FieldError> errors = new ArrayList<>();
      SupplyQuery query = query(in, current, "quantityKg", asOf(in), horizon, horizon, "", errors);
      String consignee = Texts.trimmed(in, "consignee");
      if (!errors.isEmpty()) {
        throw ServiceException.invalidFields(errors);
      }
      Futures.Regimes regimes = futureRegimes(current.measures());
      return Future.all(tenantLicences(request), denials.get(), screening()).map(all -> {
        List<Licence> own = all.resultAt(0);
        Determination plain = Determiner.determine(query, regimes.regime(), own);
        Determination d = Determiner.screened(plain, match(all.resultAt(2), consignee, query.asOf()));
        return DenialProbabilities.annotate(screenedJson(plain, d, consignee, regimes, own), all.resultAt(1));
      });
    });
  }

  Future<JsonObject> conditions(BusRequest request) {
    return regime.get().compose(current -> {
      LocalDate asOf = asOf(request.body());
      JsonArray positions = request.body().getJsonArray("positions");
      List<SupplyQuery> queries = new ArrayList<>();
      List<String> keys = new ArrayList<>();
      List<String> consignees = new ArrayList<>();
      List<FieldError> errors = new ArrayList<>();
      for (int i = 0; i < positions.size(); i++) {
        JsonObject position = positions.getJsonObject(i);
        keys.add(Texts.trimmed(position, "key"));
        queries.add(query(position, current, "orderQuantityKg", asOf, position.getInteger("horizonDays"),
            position.getInteger("leadTimeDays"), "positions[" + i + "].", errors));
        consignees.add(Texts.trimmed(position, "consignee"));
      }
      if (!errors.isEmpty()) {
        throw ServiceException.invalidFields(errors);
      }
      JsonObject scenario = request.body().getJsonObject("scenario");
      // An announcement's dry run may hold listings and nothing else (see hypothetical).
      boolean listingsOnly = scenario != null && scenario.getJsonArray("changes", new JsonArray()).isEmpty()
          && !scenario.getJsonArray("listings", new JsonArray()).isEmpty();
      List<ScenarioChange> changes = listingsOnly ? List.of() : ScenarioInput.changes(scenario, current);
      List<Measure> measures = Scenario.regime(current.measures(), changes);
      Futures.Regimes regimes = changes.isEmpty() ? futureRegimes(current.measures()) : new Futures.Regimes(measures);
      long reviewDays = ChronoUnit.DAYS.between(asOf, calendar.after(asOf, reviewWorkingDays));
      return Future.all(tenantLicences(request), denials.get(), screening()).map(all -> {
        List<Licence> own = all.resultAt(0);
        DenialRisk risk = all.resultAt(1);
        Screening screening = hypothetical(all.resultAt(2), request.body().getJsonObject("scenario"));
        Map<String, ScreeningMatch> matches = new HashMap<>();
        List<Licence> usable = Scenario.licences(own, changes);
        // Positions alike (same material, destination, end use, horizon, quantity) share one
        // determination: it is decided and sent once, and the positions point at it.
        Map<List<Object>, Integer> seen = new HashMap<>();
        JsonArray determinations = new JsonArray();
        JsonArray conditions = new JsonArray();
        for (int i = 0; i < queries.size(); i++) {
          SupplyQuery query = queries.get(i);
          String consignee = consignees.get(i);
          // Positions alike share a determination only if their consignees are the same too.
          List<Object> alike = java.util.Arrays.asList(query, consignee);
          Integer index = seen.get(alike);
          String condition;
          if (index == null) {
            Determination plain = Determiner.determine(query, measures, usable);
            ScreeningMatch match = consignee == null ? null
                : matches.computeIfAbsent(consignee, c -> match(screening, c, asOf));
            Determination d = Determiner.screened(plain, match);
            index = determinations.size();
            seen.put(alike, index);
            determinations.add(DenialProbabilities.annotate(screenedJson(plain, d, consignee, regimes, usable), risk)
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

  /**
   * The lists as a scenario has them: an announcement's dry run adds its listings ({@code
   * scenario.listings}, validated by the announcement) to those recorded.
   */
  private static Screening hypothetical(Screening recorded, JsonObject scenario) {
    JsonArray listings = scenario == null ? null : scenario.getJsonArray("listings");
    if (recorded == null || listings == null || listings.isEmpty()) {
      return recorded;
    }
    List<ListedParty> more = new ArrayList<>();
    for (int i = 0; i < listings.size(); i++) {
      JsonObject l = listings.getJsonObject(i);
      more.add(ListedParty.of(PartyList.valueOf(l.getString("list")), l.getString("name"),
          l.getJsonArray("aliases", new JsonArray()).stream().map(String::valueOf).toList(), l.getString("country"),
          LocalDate.parse(l.getString("added")), "dry run", "dry run"));
    }
    return recorded.with(more);
  }

  private Future<Screening> screening() {
    return parties == null ? Future.succeededFuture() : parties.get();
  }

  /** The consignee's match on a list on {@code asOf} (null when none, or no consignee). */
  private static ScreeningMatch match(Screening screening, String consignee, LocalDate asOf) {
    return screening == null || consignee == null ? null : screening.screen(consignee, asOf).orElse(null);
  }

  /**
   * A determination's JSON with its futures and its screening. A screened one is certain: the
   * consignee's list decides it whatever the suspensions do.
   */
  private JsonObject screenedJson(Determination plain, Determination d, String consignee, Futures.Regimes regimes,
      List<Licence> licences) {
    if (d == plain) {
      return FuturesJson.with(DeterminationJson.of(d), Futures.of(d, regimes, licences));
    }
    LocalDate asOf = d.query().asOf();
    long reviewDays = ChronoUnit.DAYS.between(asOf,
        calendar.after(asOf, reviewWorkingDays + watchListExtraWorkingDays));
    return ScreeningJson.with(FuturesJson.with(DeterminationJson.of(d), Futures.certain(d)), plain, d, consignee,
        reviewDays, watchListExtraWorkingDays);
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

  /**
   * The question of a request the bus contract has checked; the elements and form the regime does
   * not know are added to {@code errors} under {@code prefix} (then null).
   */
  private static SupplyQuery query(JsonObject in, Regime current, String quantityField, LocalDate asOf, int horizon,
      int coverage, String prefix, List<FieldError> errors) {
    int before = errors.size();
    Set<String> elements = RegimeTerms.elements(current, in.getJsonArray("elements"), prefix, "elements", errors);
    String form = in.getString("form");
    if (!current.forms().contains(form)) {
      errors.add(new FieldError(prefix + "form", "must be one of " + current.forms().stream().sorted().toList()));
    }
    Number quantity = in.getNumber(quantityField);
    if (errors.size() > before) {
      return null;
    }
    return new SupplyQuery(elements, form, in.getString("destination"), in.getString("endUse"),
        quantity == null ? null : new BigDecimal(quantity.toString()), asOf, horizon, coverage);
  }

  /** The day asked about; today when the request names none. */
  private LocalDate asOf(JsonObject in) {
    String given = in.getString("asOf");
    return given != null ? LocalDate.parse(given) : LocalDate.now(clock);
  }

  private Future<List<Licence>> tenantLicences(BusRequest request) {
    return request.tenantId() == null ? Future.succeededFuture(List.of()) : licences.active(request.tenantId());
  }
}
