package io.supplyguard.inventory.buffer;

/**
 * The replenishment rule a simulation follows: at each review, when the inventory position is
 * at or below the reorder point, order up to {@code reorderPoint + orderQuantity}, which is the
 * model's recommended order {@code ROP + Q - IP}.
 *
 * @param reviewPeriodDays R; 0 reviews every day (the closest a daily simulation gets to continuous review)
 */
public record SimulationPolicy(double reorderPoint, double orderQuantity, double reviewPeriodDays) {

  public SimulationPolicy {
    if (!Double.isFinite(reorderPoint)) {
      throw new IllegalArgumentException("reorderPoint must be a finite number, was " + reorderPoint);
    }
    if (!(orderQuantity > 0) || !Double.isFinite(orderQuantity)) {
      throw new IllegalArgumentException("orderQuantity must be > 0, was " + orderQuantity);
    }
    if (!(reviewPeriodDays >= 0) || !Double.isFinite(reviewPeriodDays)) {
      throw new IllegalArgumentException("reviewPeriodDays must be >= 0, was " + reviewPeriodDays);
    }
  }

  /** The policy a recommendation gives the position; an UNBUFFERABLE one has none. */
  public static SimulationPolicy of(Recommendation recommendation, PositionInputs in) {
    if (recommendation.reorderPoint() == null) {
      throw new IllegalArgumentException("an UNBUFFERABLE position has no policy to simulate");
    }
    return new SimulationPolicy(recommendation.reorderPoint(), in.orderQuantity(), in.reviewPeriodDays());
  }

  /** Days between reviews, whole and at least one: the simulation moves a day at a time. */
  int reviewEveryDays() {
    return (int) Math.max(1, Math.round(reviewPeriodDays));
  }
}
