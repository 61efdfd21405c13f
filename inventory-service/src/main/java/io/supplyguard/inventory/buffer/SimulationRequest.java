package io.supplyguard.inventory.buffer;

/**
 * One seeded Monte Carlo run: a position (its demand, supplier lead time and starting stock),
 * the licensing delay its supply really faces and the policy it follows. The delay and the policy
 * are separate so that a policy can be tried against a condition it was not made for.
 */
public record SimulationRequest(
    PositionInputs inputs,
    LicensingDelay delay,
    SimulationPolicy policy,
    int horizonDays,
    int replications,
    long seed) {

  public static final int MAX_HORIZON_DAYS = 3650;
  public static final int MAX_REPLICATIONS = 10_000;

  public SimulationRequest {
    if (inputs == null || delay == null || policy == null) {
      throw new IllegalArgumentException("inputs, delay and policy are required");
    }
    if (horizonDays < 1 || horizonDays > MAX_HORIZON_DAYS) {
      throw new IllegalArgumentException("horizonDays must be 1.." + MAX_HORIZON_DAYS + ", was " + horizonDays);
    }
    if (replications < 1 || replications > MAX_REPLICATIONS) {
      throw new IllegalArgumentException("replications must be 1.." + MAX_REPLICATIONS + ", was " + replications);
    }
    requireAtLeastZero("demandMeanPerDay", inputs.demandMeanPerDay());
    requireAtLeastZero("demandStdPerDay", inputs.demandStdPerDay());
    requireAtLeastZero("leadTimeMeanDays", inputs.leadTimeMeanDays());
    requireAtLeastZero("leadTimeStdDays", inputs.leadTimeStdDays());
    requireAtLeastZero("onHand", inputs.onHand());
    requireAtLeastZero("onOrder", inputs.onOrder());
    requireAtLeastZero("delay meanDays", delay.meanDays());
    requireAtLeastZero("delay stdDays", delay.stdDays());
    requireAtLeastZero("delay denialDelayDays", delay.denialDelayDays());
    if (!(delay.denialProbability() >= 0 && delay.denialProbability() <= 1)) {
      throw new IllegalArgumentException("denialProbability must be in [0, 1], was " + delay.denialProbability());
    }
  }

  /**
   * The position under its own recommendation: the recommendation's delay and policy, and, when
   * it planned on the alternate source, that source's lead time in place of the controlled one.
   */
  public static SimulationRequest of(PositionInputs in, Recommendation recommendation, int horizonDays,
      int replications, long seed) {
    PositionInputs supplied = recommendation.usedAlternate() ? onAlternateSource(in) : in;
    return new SimulationRequest(supplied, recommendation.delay(), SimulationPolicy.of(recommendation, in),
        horizonDays, replications, seed);
  }

  private static PositionInputs onAlternateSource(PositionInputs in) {
    return new PositionInputs(in.onHand(), in.onOrder(), in.demandMeanPerDay(), in.demandStdPerDay(),
        in.alternate().leadTimeMeanDays(), in.alternate().leadTimeStdDays(), in.serviceLevel(),
        in.reviewPeriodDays(), in.orderQuantity(), null);
  }

  private static void requireAtLeastZero(String name, double value) {
    if (!(value >= 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number >= 0, was " + value);
    }
  }
}
