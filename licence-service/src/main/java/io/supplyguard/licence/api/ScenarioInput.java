package io.supplyguard.licence.api;

import io.supplyguard.common.bus.FieldError;
import io.supplyguard.common.bus.ServiceException;
import io.supplyguard.licence.check.ScenarioChange;
import io.supplyguard.licence.regime.Measure;
import io.supplyguard.licence.store.Regime;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The hypothetical changes of a what-if request: {@code {changes: [{type, ...}]}}. */
final class ScenarioInput {
  private static final int MAX_CHANGES = 50;

  private ScenarioInput() {
  }

  static List<ScenarioChange> changes(JsonObject scenario, Regime regime) {
    if (scenario == null) {
      return List.of();
    }
    JsonArray changes = scenario.getValue("changes") instanceof JsonArray a ? a : null;
    if (changes == null || changes.isEmpty() || changes.size() > MAX_CHANGES) {
      throw ServiceException.invalidField("scenario.changes", "must list 1 to " + MAX_CHANGES + " changes");
    }
    List<ScenarioChange> result = new ArrayList<>();
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < changes.size(); i++) {
      int before = errors.size();
      ScenarioChange parsed = change(changes.getJsonObject(i), regime, "scenario.changes[" + i + "].", errors);
      if (errors.size() == before) {
        result.add(parsed);
      }
    }
    if (!errors.isEmpty()) {
      throw ServiceException.invalidFields(errors);
    }
    return result;
  }

  /** A change the bus contract has checked (ScenarioChange: the fields its type needs); the regime's rules remain. */
  private static ScenarioChange change(JsonObject change, Regime regime, String prefix, List<FieldError> errors) {
    return switch (change.getString("type")) {
      case "NEW_MEASURE" -> {
        Measure measure = MeasureInput.readNew(change.getJsonObject("measure"), regime, prefix + "measure.", errors);
        yield measure == null ? null : new ScenarioChange.NewMeasure(measure);
      }
      case "SUSPENSION_ADDED" -> {
        SuspensionInput added = SuspensionInput.read(change, prefix, errors);
        yield new ScenarioChange.SuspensionAdded(added.measureId(), added.draft(null, added.from(), "scenario"));
      }
      case "SUSPENSION_EXTENDED" -> new ScenarioChange.SuspensionExtended(Texts.trimmed(change, "reference"),
          LocalDate.parse(change.getString("until")));
      case "SUSPENSION_ENDED_EARLY" -> new ScenarioChange.SuspensionEndedEarly(Texts.trimmed(change, "reference"),
          LocalDate.parse(change.getString("on")));
      case "RENEWAL_PROBABILITY" -> ScenarioRenewal.read(change, prefix, errors);
      case "LICENCE_LOST" -> new ScenarioChange.LicenceLost(UUID.fromString(change.getString("licenceId")));
      default -> throw new IllegalStateException("The contract let through a change of type "
          + change.getString("type"));
    };
  }
}
