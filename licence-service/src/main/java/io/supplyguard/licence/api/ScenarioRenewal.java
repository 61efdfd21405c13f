package io.supplyguard.licence.api;

import io.supplyguard.common.bus.FieldError;
import io.supplyguard.licence.check.ScenarioChange;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A what-if change of type {@code RENEWAL_PROBABILITY}: {@code {measureId, suspensionId,
 * renewalProbability}} names one suspension, {@code {reference, renewalProbability}} every
 * suspension with that reference.
 */
final class ScenarioRenewal {

  private ScenarioRenewal() {
  }

  /**
   * A change the bus contract has checked: a probability, and a reference or a suspension id. An id
   * names a suspension only with its measure, which the contract does not require beside a reference.
   */
  static ScenarioChange.RenewalProbability read(JsonObject change, String prefix, List<FieldError> errors) {
    String measureId = Texts.trimmed(change, "measureId");
    Long suspensionId = change.getLong("suspensionId");
    if (suspensionId != null && measureId == null) {
      errors.add(new FieldError(prefix + "measureId", "is required with suspensionId"));
      return null;
    }
    return new ScenarioChange.RenewalProbability(measureId, suspensionId, Texts.trimmed(change, "reference"),
        SuspensionRenewal.exact(change.getNumber("renewalProbability")));
  }
}
