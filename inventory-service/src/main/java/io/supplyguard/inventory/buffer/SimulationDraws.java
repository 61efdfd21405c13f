package io.supplyguard.inventory.buffer;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/** The random side of a simulated position: a day's demand and an order's lead time. */
final class SimulationDraws {
  private final UniformRandomProvider rng;
  private final ContinuousSampler gaussian;
  private final PositionInputs in;
  private final LicensingDelay delay;

  SimulationDraws(UniformRandomProvider rng, PositionInputs in, LicensingDelay delay) {
    this.rng = rng;
    this.gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
    this.in = in;
    this.delay = delay;
  }

  /** Normal(d, sd), cut at zero: a line never hands material back. */
  double demand() {
    return positiveNormal(in.demandMeanPerDay(), in.demandStdPerDay());
  }

  /** Supplier lead time, plus the licensing delay, plus one more review when the licence is denied. */
  long leadTimeDays() {
    double days = positiveNormal(in.leadTimeMeanDays(), in.leadTimeStdDays())
        + positiveNormal(delay.meanDays(), delay.stdDays());
    if (delay.denialProbability() > 0 && rng.nextDouble() < delay.denialProbability()) {
      days += delay.denialDelayDays();
    }
    return Math.round(days);
  }

  /** max(0, Normal(mean, std)); a degenerate one draws nothing, so NONE costs no randomness. */
  private double positiveNormal(double mean, double std) {
    if (std == 0) {
      return Math.max(0, mean);
    }
    return Math.max(0, mean + std * gaussian.sample());
  }
}
