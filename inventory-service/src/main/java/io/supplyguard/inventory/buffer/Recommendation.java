package io.supplyguard.inventory.buffer;

import java.util.List;
import java.util.Objects;

/**
 * The stock a position must hold and why (docs/buffer-model.md), in named parts.
 *
 * @param condition the reported condition: that of the future where every suspension ends as announced
 * @param target what the levels promise: the service measure and level
 * @param supply the futures (in the caller's order), the lead-time branches they give, and the
 *     reported condition's licensing delay
 * @param levels the figures; the stock levels are null when the position is UNBUFFERABLE
 * @param unbufferableReason why no stock level reaches the target; null unless UNBUFFERABLE
 */
public record Recommendation(
    SupplyCondition condition,
    PositionStatus status,
    Target target,
    Supply supply,
    Levels levels,
    String unbufferableReason) {

  public Recommendation {
    if (condition == null || status == null || target == null || supply == null || levels == null) {
      throw new IllegalArgumentException("condition, status, target, supply and levels are required");
    }
  }

  /** The service level promised, and in which measure. */
  public record Target(ServiceMeasure measure, double serviceLevel) {
  }

  /**
   * Where supply comes from.
   *
   * @param futures each future's weight, condition and delay, in the order they were given
   * @param branches the lead-time branches of the futures, in the same order (weight-zero ones left out)
   * @param delay the licensing delay of the reported condition (NONE when it is PROHIBITED)
   * @param usedAlternate whether some future plans on the alternate source (PROHIBITED)
   */
  public record Supply(List<RegimeFuture> futures, List<LeadTimeBranch> branches, LicensingDelay delay,
      boolean usedAlternate) {

    public Supply {
      futures = List.copyOf(futures);
      branches = List.copyOf(branches);
    }
  }

  /**
   * The figures, kg (daysOfCover in days).
   *
   * @param expectedLeadTimeDemand E[LTD] over the supplied branches; null when none is supplied
   * @param normalLeadTimeDemand d*(L+R), demand over the supplier's normal lead time and the review period
   * @param safetyStock ROP - E[LTD], negative possible; null when UNBUFFERABLE
   * @param daysOfCover onHand / d; null when d = 0
   */
  public record Levels(Double expectedLeadTimeDemand, double normalLeadTimeDemand, Double safetyStock,
      Double reorderPoint, Double recommendedOrder, Double daysOfCover) {
  }

  public ServiceMeasure serviceMeasure() {
    return target.measure();
  }

  public List<RegimeFuture> futures() {
    return supply.futures();
  }

  public List<LeadTimeBranch> branches() {
    return supply.branches();
  }

  public LicensingDelay delay() {
    return supply.delay();
  }

  public boolean usedAlternate() {
    return supply.usedAlternate();
  }

  public Double expectedLeadTimeDemand() {
    return levels.expectedLeadTimeDemand();
  }

  public double normalLeadTimeDemand() {
    return levels.normalLeadTimeDemand();
  }

  /** E[LTD] - d*(L+R): what licensing delay, denial and the regime's futures add; null when nothing is supplied. */
  public Double riskDemand() {
    Double expected = levels.expectedLeadTimeDemand();
    return expected == null ? null : expected - levels.normalLeadTimeDemand();
  }

  public Double safetyStock() {
    return levels.safetyStock();
  }

  public Double reorderPoint() {
    return levels.reorderPoint();
  }

  public Double recommendedOrder() {
    return levels.recommendedOrder();
  }

  public Double daysOfCover() {
    return levels.daysOfCover();
  }

  /**
   * Whether {@code other} asks something else of the position: another condition, status or
   * reorder point. A what-if reports a position only when one of these moves; figures that merely
   * drift with them (safety stock, days of cover) are not news to a planner.
   */
  public boolean differsMateriallyFrom(Recommendation other) {
    return condition != other.condition || status != other.status
        || !Objects.equals(reorderPoint(), other.reorderPoint());
  }

  /** The mean lead time over the supplied branches, days; 0 when none is supplied. */
  public double leadTimeMean() {
    double weight = 0;
    double sum = 0;
    for (LeadTimeBranch b : supply.branches()) {
      if (b.supplied()) {
        weight += b.weight();
        sum += b.weight() * b.meanDays();
      }
    }
    return weight > 0 ? sum / weight : 0;
  }

  /** The variance of the lead time over the supplied branches (the mixture's), days^2; 0 when none is supplied. */
  public double leadTimeVariance() {
    double mean = leadTimeMean();
    double weight = 0;
    double sum = 0;
    for (LeadTimeBranch b : supply.branches()) {
      if (b.supplied()) {
        weight += b.weight();
        double deviation = b.meanDays() - mean;
        sum += b.weight() * (b.varianceDays2() + deviation * deviation);
      }
    }
    return weight > 0 ? sum / weight : 0;
  }
}
