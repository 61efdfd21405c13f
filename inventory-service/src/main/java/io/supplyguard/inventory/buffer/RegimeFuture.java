package io.supplyguard.inventory.buffer;

import java.util.List;

/**
 * One future of the regime over a position's horizon: its weight (the product of the choices of
 * the suspensions that split it), the supply condition it decides and that condition's licensing
 * delay (as {@link LicensingDelay#of} gives it; ignored for NOT_CONTROLLED and PROHIBITED).
 */
public record RegimeFuture(double weight, SupplyCondition condition, LicensingDelay delay) {

  public RegimeFuture {
    if (!(weight >= 0 && weight <= 1)) {
      throw new IllegalArgumentException("a future's weight must be in [0, 1], was " + weight);
    }
    if (condition == null || delay == null) {
      throw new IllegalArgumentException("a future needs a condition and a delay");
    }
  }

  /** The one future of a position whose regime holds no uncertainty. */
  public static RegimeFuture certain(SupplyCondition condition, LicensingDelay delay) {
    return new RegimeFuture(1, condition, delay);
  }

  /**
   * The lead-time branches of this future (docs/buffer-model.md, "From conditions to stock
   * levels"); a branch of weight zero (a denial probability of 0, say) is left out.
   */
  public List<LeadTimeBranch> branches(PositionInputs in) {
    double l = in.leadTimeMeanDays();
    double varL = in.leadTimeStdDays() * in.leadTimeStdDays();
    List<LeadTimeBranch> branches = switch (condition) {
      case NOT_CONTROLLED -> List.of(LeadTimeBranch.supplied(weight, l, varL));
      case COVERED -> List.of(LeadTimeBranch.supplied(weight, l + delay.meanDays(),
          varL + delay.stdDays() * delay.stdDays()));
      case LICENCE_REQUIRED -> {
        double p = delay.denialProbability();
        double var = varL + delay.stdDays() * delay.stdDays();
        yield List.of(LeadTimeBranch.supplied(weight * (1 - p), l + delay.meanDays(), var),
            LeadTimeBranch.supplied(weight * p, l + delay.meanDays() + delay.denialDelayDays(), var));
      }
      case PROHIBITED -> in.alternate() == null ? List.of(LeadTimeBranch.unsupplied(weight))
          : List.of(LeadTimeBranch.supplied(weight, in.alternate().leadTimeMeanDays(),
              in.alternate().leadTimeStdDays() * in.alternate().leadTimeStdDays()));
    };
    return branches.stream().filter(b -> b.weight() > 0).toList();
  }
}
