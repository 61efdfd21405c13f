package io.supplyguard.inventory.buffer;

/**
 * A share estimated from independent replications, with its 95% confidence interval
 * {@code mean ± 1.96·sd/√samples} clamped to [0, 1]. With fewer than two samples the spread is
 * unknown, so the interval is the whole of [0, 1] rather than a point that would look certain.
 *
 * @param samples the replications the estimate rests on
 */
public record Estimate(double mean, double lower, double upper, int samples) {
  private static final double Z_95 = 1.96;

  static Estimate of(double mean, double sampleStd, int samples) {
    if (samples < 2) {
      return new Estimate(mean, 0, 1, samples);
    }
    double halfWidth = Z_95 * sampleStd / Math.sqrt(samples);
    return new Estimate(mean, Math.max(0, mean - halfWidth), Math.min(1, mean + halfWidth), samples);
  }

  /** Whether the interval contains {@code value}. */
  public boolean contains(double value) {
    return lower <= value && value <= upper;
  }
}
