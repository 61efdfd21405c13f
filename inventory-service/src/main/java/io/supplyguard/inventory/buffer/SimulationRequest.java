package io.supplyguard.inventory.buffer;

import java.util.List;

/**
 * One seeded Monte Carlo run: a position (its demand and starting stock), the lead-time branches
 * its supply really faces and the policy it follows. The branches and the policy are separate so
 * that a policy can be tried against a supply it was not made for.
 *
 * @param branches each order draws one by its weight, then its lead time from it
 */
public record SimulationRequest(
    PositionInputs inputs,
    List<LeadTimeBranch> branches,
    SimulationPolicy policy,
    int horizonDays,
    int replications,
    long seed) {

  public static final int MAX_HORIZON_DAYS = 3650;
  public static final int MAX_REPLICATIONS = 10_000;

  public SimulationRequest {
    if (inputs == null || branches == null || branches.isEmpty() || policy == null) {
      throw new IllegalArgumentException("inputs, branches and policy are required");
    }
    branches = List.copyOf(branches);
    if (horizonDays < 1 || horizonDays > MAX_HORIZON_DAYS) {
      throw new IllegalArgumentException("horizonDays must be 1.." + MAX_HORIZON_DAYS + ", was " + horizonDays);
    }
    if (replications < 1 || replications > MAX_REPLICATIONS) {
      throw new IllegalArgumentException("replications must be 1.." + MAX_REPLICATIONS + ", was " + replications);
    }
    requireAtLeastZero("demandMeanPerDay", inputs.demandMeanPerDay());
    requireAtLeastZero("demandStdPerDay", inputs.demandStdPerDay());
    requireAtLeastZero("onHand", inputs.onHand());
    requireAtLeastZero("onOrder", inputs.onOrder());
    double total = 0;
    for (LeadTimeBranch b : branches) {
      if (!(b.weight() >= 0 && b.weight() <= 1)) {
        throw new IllegalArgumentException("a branch's weight must be in [0, 1], was " + b.weight());
      }
      total += b.weight();
      if (b.supplied()) {
        requireAtLeastZero("branch leadTimeMeanDays", b.meanDays());
        requireAtLeastZero("branch leadTimeVarianceDays2", b.varianceDays2());
      }
    }
    if (Math.abs(total - 1) > 1e-9) {
      throw new IllegalArgumentException("the branches' weights must add to 1, they add to " + total);
    }
  }

  /** The position under its own recommendation: the recommendation's branches and policy. */
  public static SimulationRequest of(PositionInputs in, Recommendation recommendation, int horizonDays,
      int replications, long seed) {
    return new SimulationRequest(in, recommendation.branches(), SimulationPolicy.of(recommendation, in),
        horizonDays, replications, seed);
  }

  /** The branches of a position whose regime has one future, the condition with its delay. */
  public static List<LeadTimeBranch> branches(PositionInputs in, SupplyCondition condition, LicensingDelay delay) {
    return RegimeFuture.certain(condition, delay).branches(in);
  }

  private static void requireAtLeastZero(String name, double value) {
    if (!(value >= 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number >= 0, was " + value);
    }
  }
}
