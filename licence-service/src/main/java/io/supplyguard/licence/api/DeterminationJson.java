package io.supplyguard.licence.api;

import io.supplyguard.licence.check.Decision;
import io.supplyguard.licence.check.Determination;
import io.supplyguard.licence.check.SuspensionEnd;
import io.supplyguard.licence.regime.Measure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.stream.Collectors;

/** A determination as the API shows it, with a sentence that says why. */
final class DeterminationJson {

  private DeterminationJson() {
  }

  static JsonObject of(Determination d) {
    JsonObject json = new JsonObject()
        .put("asOf", d.query().asOf().toString())
        .put("horizonEnd", d.query().horizonEnd().toString())
        .put("elements", new JsonArray(d.query().elements().stream().sorted().toList()))
        .put("form", d.query().form())
        .put("destination", d.query().destination())
        .put("endUse", d.query().endUse())
        .put("decision", d.decision().name())
        .put("measures", new JsonArray(d.counting().stream().map(DeterminationJson::measure).toList()))
        .put("suspensionsEndingInHorizon", new JsonArray(d.suspensionsEnding().stream()
            .map(s -> new JsonObject().put("measureId", s.measureId()).put("reference", s.reference())
                .put("until", s.lastDay().toString())).toList()))
        .put("prohibitions", new JsonArray(d.prohibitions().stream()
            .map(m -> new JsonObject().put("measureId", m.id())
                .put("destinations", new JsonArray(m.destinations().stream().sorted().toList()))
                .put("endUses", new JsonArray(m.prohibitedEndUses().stream().sorted().toList()))).toList()))
        .put("explanation", explanation(d));
    if (d.query().quantityKg() != null) {
      json.put("quantityKg", d.query().quantityKg());
    }
    if (d.coveredBy() != null) {
      json.put("coveredBy", coveredBy(d));
    }
    return json;
  }

  /** The licence that covers a COVERED determination: its id, what remains (and after it), validTo. */
  static JsonObject coveredBy(Determination d) {
    JsonObject covered = new JsonObject()
        .put("licenceId", d.coveredBy().id().toString())
        .put("remainingKg", d.coveredBy().remainingKg())
        .put("validTo", d.coveredBy().validTo().toString());
    if (d.remainingAfterKg() != null) {
      covered.put("remainingAfterKg", d.remainingAfterKg());
    }
    return covered;
  }

  private static JsonObject measure(Measure m) {
    JsonObject json = new JsonObject()
        .put("id", m.id())
        .put("kind", m.kind().name())
        .put("inForceFrom", m.inForceFrom().toString())
        .put("suspensions", new JsonArray(m.suspensions().stream().map(RegimeJson::suspension).toList()));
    if (m.inForceUntil() != null) {
      json.put("inForceUntil", m.inForceUntil().toString());
    }
    return json;
  }

  static String explanation(Determination d) {
    String window = d.query().asOf() + " to " + d.query().horizonEnd();
    String what = String.join(", ", d.query().elements().stream().sorted().toList()) + " (" + d.query().form() + ") to "
        + d.query().destination() + " for " + d.query().endUse();
    StringBuilder text = new StringBuilder();
    if (d.decision() == Decision.PROHIBITED) {
      text.append("Prohibited: ").append(ids(d.prohibitions())).append(" bars ").append(d.query().endUse())
          .append(" use to ").append(d.query().destination()).append(" between ").append(window).append('.');
      return text.toString();
    }
    if (d.counting().isEmpty()) {
      text.append("No licence requirement applies to ").append(what).append(" between ").append(window).append('.');
    } else {
      text.append(ids(d.counting())).append(" require").append(d.counting().size() == 1 ? "s" : "")
          .append(" a licence for ").append(String.join(", ", d.countingElements())).append(" in ")
          .append(d.query().form()).append(" form on some day between ").append(window).append('.');
    }
    for (SuspensionEnd end : d.suspensionsEnding()) {
      text.append(" Suspension ").append(end.reference()).append(" of ").append(end.measureId()).append(" ends on ")
          .append(end.lastDay()).append(", inside the horizon, so it does not protect this supply.");
    }
    if (d.decision() == Decision.COVERED) {
      text.append(" Covered by licence ").append(d.coveredBy().id()).append(" for ").append(d.coveredBy().endUse())
          .append(" use to ").append(d.coveredBy().destination()).append(" (").append(d.coveredBy().remainingKg()
          .toPlainString()).append(" kg left, valid to ").append(d.coveredBy().validTo()).append(").");
    } else if (d.decision() == Decision.LICENCE_REQUIRED) {
      text.append(" No ACTIVE licence of the tenant covers ").append(what)
          .append(" (elements, form, destination and end use alike) with enough left and valid long enough.");
      if (d.lapsesTooSoon() != null) {
        // The coverage days: a position's lead time, or a licence-check's horizon.
        text.append(" Licence ").append(d.lapsesTooSoon().id()).append(" would cover it but is valid only to ")
            .append(d.lapsesTooSoon().validTo()).append(": a covering licence must be valid to at least ")
            .append(d.query().asOf().plusDays(d.query().coverageDays())).append(" (").append(d.query().coverageDays())
            .append(" days after ").append(d.query().asOf()).append("), so it no longer covers this supply.");
      }
    }
    return text.toString();
  }

  private static String ids(List<Measure> measures) {
    return measures.stream().map(Measure::id).collect(Collectors.joining(", "));
  }
}
