package io.supplyguard.inventory.buffer;

import java.util.Optional;

/** Why a position cannot be simulated under its recommendation: there is no policy to try. */
public enum SimulationRefusal {
  /** Prohibited with no alternate source: no stock level, so no reorder point to follow. */
  UNBUFFERABLE,
  /** No demand and no order quantity: the policy would never order. */
  ORDERS_NOTHING;

  /** Why {@code inputs} under {@code recommendation} cannot be simulated; empty when they can. */
  public static Optional<SimulationRefusal> of(PositionInputs inputs, Recommendation recommendation) {
    if (recommendation.status() == PositionStatus.UNBUFFERABLE) {
      return Optional.of(UNBUFFERABLE);
    }
    if (inputs.orderQuantity() <= 0) {
      return Optional.of(ORDERS_NOTHING);
    }
    return Optional.empty();
  }
}
