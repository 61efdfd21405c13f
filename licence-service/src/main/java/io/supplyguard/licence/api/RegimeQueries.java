package io.supplyguard.licence.api;

import io.supplyguard.common.bus.BusRequest;
import io.supplyguard.common.bus.ServiceException;
import io.supplyguard.licence.regime.RestrictionRules;
import io.supplyguard.licence.store.AuditRepository;
import io.supplyguard.licence.store.Regime;
import io.supplyguard.licence.store.RegimeCache;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.LocalDate;

/** Questions about the regime: state of the elements, the measures, and its history. */
final class RegimeQueries {
  /** Dates whose element states are kept encoded: today, and the dates planners look ahead to. */
  private static final int ANSWERED_DATES = 400;

  private final RegimeCache regime;
  private final AuditRepository audit;
  private final Clock clock;
  private final EncodedAnswers<LocalDate> elementStates = new EncodedAnswers<>(ANSWERED_DATES);
  /** The list of measures, one answer per regime: it is read far more often than the regime changes. */
  private final EncodedAnswers<Boolean> measureList = new EncodedAnswers<>(1);

  RegimeQueries(RegimeCache regime, AuditRepository audit, Clock clock) {
    this.regime = regime;
    this.audit = audit;
    this.clock = clock;
  }

  Future<Buffer> elements(BusRequest request) {
    String given = request.body().getString("asOf");
    LocalDate asOf = given != null ? LocalDate.parse(given) : LocalDate.now(clock);
    return regime.get().map(current -> elementStates.get(current, asOf, () -> elements(current, asOf)));
  }

  private static JsonObject elements(Regime regime, LocalDate asOf) {
    JsonArray elements = new JsonArray();
    regime.elements().forEach(element ->
        elements.add(RegimeJson.elementStatus(RestrictionRules.stateOf(element, regime.measures(), asOf))));
    return new JsonObject().put("asOf", asOf.toString()).put("elements", elements);
  }

  Future<Buffer> measures(BusRequest request) {
    return regime.get().map(current -> measureList.get(current, Boolean.TRUE, () -> measures(current)));
  }

  private static JsonObject measures(Regime regime) {
    return new JsonObject().put("measures", new JsonArray(regime.measures().stream().map(RegimeJson::measure).toList()));
  }

  Future<JsonObject> measure(BusRequest request) {
    String id = request.body().getString("id");
    return regime.get().map(current -> current.measure(id).map(RegimeJson::measure)
        .orElseThrow(() -> ServiceException.notFound("Measure " + id)));
  }

  Future<JsonObject> history(BusRequest request) {
    request.requireAdmin();
    JsonObject in = request.body();
    return audit.ofRegime(in.getLong("beforeId", Long.MAX_VALUE), in.getInteger("limit", 100))
        .map(events -> new JsonObject().put("events", new JsonArray(events)));
  }
}
