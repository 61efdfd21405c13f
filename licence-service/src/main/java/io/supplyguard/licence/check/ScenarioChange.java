package io.supplyguard.licence.check;

import io.supplyguard.licence.regime.Measure;
import io.supplyguard.licence.regime.Suspension;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A hypothetical change to the regime or to a tenant's licences, for what-if questions. */
public sealed interface ScenarioChange {

  /** A measure that does not exist (yet). */
  record NewMeasure(Measure measure) implements ScenarioChange {
  }

  /**
   * A new suspension of measure {@code measureId} (stored, or new in the same scenario), from
   * {@code suspension.from()} to its last day {@code suspension.until()}.
   */
  record SuspensionAdded(String measureId, Suspension suspension) implements ScenarioChange {
  }

  /** Every suspension with this reference goes on, without a gap, to {@code until}. */
  record SuspensionExtended(String reference, LocalDate until) implements ScenarioChange {
  }

  /** Every suspension with this reference stops before {@code on}. */
  record SuspensionEndedEarly(String reference, LocalDate on) implements ScenarioChange {
  }

  /**
   * A suspension has this renewal probability: the one with {@code suspensionId} of measure
   * {@code measureId} or, when no id is given, every suspension with this reference.
   */
  record RenewalProbability(String measureId, Long suspensionId, String reference, BigDecimal probability)
      implements ScenarioChange {
  }

  /** The tenant loses this licence. */
  record LicenceLost(UUID licenceId) implements ScenarioChange {
  }
}
