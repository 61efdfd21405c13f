package io.supplyguard.inventory.buffer;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/** The random side of a simulated position: a day's demand and an order's lead time. */
final class SimulationDraws {
  /** The lead time of an order whose branch has no supply: it never arrives. */
  static final long NEVER = -1;

  private final UniformRandomProvider rng;
  private final ContinuousSampler gaussian;
  private final PositionInputs in;
  private final double[] cumulativeWeight;
  private final LeadTimeBranch[] branches;

  SimulationDraws(UniformRandomProvider rng, PositionInputs in, List<LeadTimeBranch> branches) {
    this.rng = rng;
    this.gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
    this.in = in;
    this.branches = branches.toArray(LeadTimeBranch[]::new);
    this.cumulativeWeight = new double[this.branches.length];
    double sum = 0;
    for (int i = 0; i < this.branches.length; i++) {
      sum += this.branches[i].weight();
      cumulativeWeight[i] = sum;
    }
  }

  /** Normal(d, sd), cut at zero: a line never hands material back. */
  double demand() {
    return positiveNormal(in.demandMeanPerDay(), in.demandStdPerDay());
  }

  /**
   * A branch drawn by its weight, then a lead time from it: Normal(mean, std) cut at zero and
   * rounded to whole days; {@link #NEVER} when the branch has no supply. A single branch draws no
   * uniform, so a position without licensing costs no extra randomness.
   */
  long leadTimeDays() {
    LeadTimeBranch branch = branches[0];
    if (branches.length > 1) {
      double u = rng.nextDouble() * cumulativeWeight[branches.length - 1];
      int i = 0;
      while (i < branches.length - 1 && u >= cumulativeWeight[i]) {
        i++;
      }
      branch = branches[i];
    }
    if (!branch.supplied()) {
      return NEVER;
    }
    return Math.round(positiveNormal(branch.meanDays(), Math.sqrt(branch.varianceDays2())));
  }

  /** max(0, Normal(mean, std)); a degenerate one draws nothing. */
  private double positiveNormal(double mean, double std) {
    if (std == 0) {
      return Math.max(0, mean);
    }
    return Math.max(0, mean + std * gaussian.sample());
  }
}
