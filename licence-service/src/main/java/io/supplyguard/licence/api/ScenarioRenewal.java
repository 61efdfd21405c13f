package io.supplyguard.licence.api;

import io.supplyguard.common.bus.BodyReader;
import io.supplyguard.licence.check.ScenarioChange;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;

/**
 * A what-if change of type {@code RENEWAL_PROBABILITY}: {@code {measureId, suspensionId,
 * renewalProbability}} names one suspension, {@code {reference, renewalProbability}} every
 * suspension with that reference.
 */
final class ScenarioRenewal {

  private ScenarioRenewal() {
  }

  static ScenarioChange.RenewalProbability parse(BodyReader in, JsonObject change) {
    BigDecimal probability = SuspensionRenewal.probability(in, change, "renewalProbability", true);
    String reference = in.text("reference", false, 100);
    String measureId = in.text("measureId", false, 61);
    Long suspensionId = in.longValue("suspensionId", false);
    if (suspensionId != null && measureId == null && !in.has("measureId")) {
      in.error("measureId", "is required with suspensionId");
    }
    if (suspensionId == null && reference == null && !in.has("suspensionId") && !in.has("reference")) {
      in.error("suspensionId", "or reference is required: the suspension whose renewal probability changes");
    }
    return in.hasErrors() ? null : new ScenarioChange.RenewalProbability(measureId, suspensionId, reference,
        probability);
  }
}
