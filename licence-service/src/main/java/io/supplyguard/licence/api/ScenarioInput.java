package io.supplyguard.licence.api;

import io.supplyguard.common.bus.BodyReader;
import io.supplyguard.common.bus.FieldError;
import io.supplyguard.common.bus.ServiceException;
import io.supplyguard.licence.check.ScenarioChange;
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
      JsonObject change = changes.getValue(i) instanceof JsonObject o ? o : new JsonObject();
      String prefix = "scenario.changes[" + i + "].";
      try {
        ScenarioChange parsed = change(change, regime, prefix, errors);
        if (parsed != null) {
          result.add(parsed);
        }
      } catch (ServiceException e) {
        e.errors().forEach(error -> errors.add(new FieldError(prefix + "measure." + error.field(), error.message())));
      }
    }
    if (!errors.isEmpty()) {
      throw ServiceException.invalidFields(errors);
    }
    return result;
  }

  private static ScenarioChange change(JsonObject change, Regime regime, String prefix, List<FieldError> errors) {
    BodyReader in = new BodyReader(change);
    String type = in.text("type", true, 40);
    ScenarioChange parsed = null;
    if ("NEW_MEASURE".equals(type)) {
      JsonObject measure = in.object("measure", true);
      if (measure != null) {
        parsed = new ScenarioChange.NewMeasure(MeasureInput.create(measure, regime));
      }
    } else if ("SUSPENSION_ADDED".equals(type)) {
      SuspensionInput added = SuspensionInput.read(in, true);
      parsed = in.hasErrors() ? null
          : new ScenarioChange.SuspensionAdded(added.measureId(), added.draft(null, added.from(), "scenario"));
    } else if ("SUSPENSION_EXTENDED".equals(type)) {
      String reference = in.text("reference", true, 100);
      LocalDate until = in.date("until", true);
      parsed = new ScenarioChange.SuspensionExtended(reference, until);
    } else if ("SUSPENSION_ENDED_EARLY".equals(type)) {
      String reference = in.text("reference", true, 100);
      LocalDate on = in.date("on", true);
      parsed = new ScenarioChange.SuspensionEndedEarly(reference, on);
    } else if ("RENEWAL_PROBABILITY".equals(type)) {
      parsed = ScenarioRenewal.parse(in, change);
    } else if ("LICENCE_LOST".equals(type)) {
      String id = in.text("licenceId", true, 36);
      try {
        parsed = id == null ? null : new ScenarioChange.LicenceLost(UUID.fromString(id));
      } catch (IllegalArgumentException e) {
        in.error("licenceId", "must be a licence id (a UUID)");
      }
    } else if (type != null) {
      in.error("type", "must be NEW_MEASURE, SUSPENSION_ADDED, SUSPENSION_EXTENDED, SUSPENSION_ENDED_EARLY,"
          + " RENEWAL_PROBABILITY or LICENCE_LOST");
    }
    errors.addAll(in.errors(prefix));
    return in.hasErrors() ? null : parsed;
  }
}
