package io.supplyguard.inventory.buffer;

/**
 * The regulatory part of the lead time, {@code G} with a denial that costs one more review:
 * {@code LT = L + G + B*T}, {@code B ~ Bernoulli(p)}.
 *
 * @param meanDays muG
 * @param stdDays sG
 * @param denialProbability p
 * @param denialDelayDays T, the extra review a denial costs
 */
public record LicensingDelay(double meanDays, double stdDays, double denialProbability, double denialDelayDays) {
  public static final LicensingDelay NONE = new LicensingDelay(0, 0, 0, 0);

  /** The delay a condition implies; {@code reviewDays} is T, calendar days of MOFCOM review from D. */
  public static LicensingDelay of(SupplyCondition condition, double reviewDays, BufferParameters p) {
    return switch (condition) {
      case NOT_CONTROLLED, PROHIBITED -> NONE;
      case COVERED -> new LicensingDelay(p.coveredDelayMeanDays(), p.coveredDelayStdDays(), 0, 0);
      case LICENCE_REQUIRED -> new LicensingDelay(reviewDays, p.reviewStdDays(), p.denialProbability(), reviewDays);
    };
  }

  /** p*T: the expected days a denial adds. */
  public double expectedDenialDays() {
    return denialProbability * denialDelayDays;
  }

  /** sG^2 + p(1-p)T^2. */
  public double variance() {
    return stdDays * stdDays + denialProbability * (1 - denialProbability) * denialDelayDays * denialDelayDays;
  }
}
