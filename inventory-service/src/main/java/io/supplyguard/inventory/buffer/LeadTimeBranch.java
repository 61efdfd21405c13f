package io.supplyguard.inventory.buffer;

/**
 * One way the lead time of a position can go: its weight, and the mean and variance of the lead
 * time along it in days; or, when the branch has no supply (PROHIBITED with no alternate source),
 * only its weight.
 */
public record LeadTimeBranch(double weight, double meanDays, double varianceDays2, boolean supplied) {

  public static LeadTimeBranch supplied(double weight, double meanDays, double varianceDays2) {
    return new LeadTimeBranch(weight, meanDays, varianceDays2, true);
  }

  public static LeadTimeBranch unsupplied(double weight) {
    return new LeadTimeBranch(weight, Double.NaN, Double.NaN, false);
  }

  /** Null when the branch has no supply. */
  public Double leadTimeMeanDays() {
    return supplied ? meanDays : null;
  }

  /** Null when the branch has no supply. */
  public Double leadTimeStdDays() {
    return supplied ? Math.sqrt(varianceDays2) : null;
  }
}
