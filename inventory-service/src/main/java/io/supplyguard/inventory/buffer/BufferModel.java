package io.supplyguard.inventory.buffer;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * docs/buffer-model.md, "From conditions to stock levels" (version 2). Pure and stateless: the
 * same inputs give the same recommendation, so it can be tested against the worked example and
 * benchmarked.
 */
public final class BufferModel {
  private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);
  /** Weights are products of probabilities; their sum is 1 to within rounding. */
  private static final double WEIGHT_TOLERANCE = 1e-9;

  private BufferModel() {
  }

  /** The inverse standard normal CDF at the service level. */
  public static double z(double serviceLevel) {
    return STANDARD_NORMAL.inverseCumulativeProbability(serviceLevel);
  }

  /**
   * A position whose regime has one future: the condition, with weight 1.
   *
   * @param delay the licensing delay of the condition (ignored when NOT_CONTROLLED or PROHIBITED)
   */
  public static Recommendation recommend(PositionInputs in, SupplyCondition condition, LicensingDelay delay) {
    return recommend(in, condition, List.of(RegimeFuture.certain(condition, delay)));
  }

  /**
   * A position over the futures of its regime.
   *
   * @param reported the condition of the future where every suspension ends as announced, which the
   *     recommendation reports
   * @param futures weights adding to 1; kept in this order in the recommendation
   */
  public static Recommendation recommend(PositionInputs in, SupplyCondition reported, List<RegimeFuture> futures) {
    if (futures == null || futures.isEmpty()) {
      throw new IllegalArgumentException("a position has at least one future");
    }
    double total = 0;
    List<LeadTimeBranch> branches = new ArrayList<>(futures.size() * 2);
    boolean usedAlternate = false;
    for (RegimeFuture f : futures) {
      total += f.weight();
      branches.addAll(f.branches(in));
      usedAlternate |= f.condition() == SupplyCondition.PROHIBITED && in.alternate() != null && f.weight() > 0;
    }
    if (Math.abs(total - 1) > WEIGHT_TOLERANCE) {
      throw new IllegalArgumentException("the futures' weights must add to 1, they add to " + total);
    }
    Recommendation.Supply supply = new Recommendation.Supply(futures, branches, reportedDelay(reported, futures),
        usedAlternate);
    Recommendation.Target target = new Recommendation.Target(in.serviceMeasure(), in.serviceLevel());

    double d = in.demandMeanPerDay();
    double r = in.reviewPeriodDays();
    Double cover = d > 0 ? in.onHand() / d : null;
    // The normal lead time is the supplier's; a position that is PROHIBITED as reported plans on the alternate's.
    double normalLeadTime = reported == SupplyCondition.PROHIBITED && in.alternate() != null
        ? in.alternate().leadTimeMeanDays() : in.leadTimeMeanDays();
    double normalDemand = d * (normalLeadTime + r);

    double unsupplied = 0;
    for (LeadTimeBranch b : branches) {
      unsupplied += b.supplied() ? 0 : b.weight();
    }
    String unbufferable = unbufferableReason(in, unsupplied);
    LeadTimeDemand ltd = unsupplied >= 1 - WEIGHT_TOLERANCE ? null
        : new LeadTimeDemand(branches, d, in.demandStdPerDay(), r);
    Double expected = ltd == null ? null : ltd.mean();
    if (unbufferable != null) {
      return new Recommendation(reported, PositionStatus.UNBUFFERABLE, target, supply,
          new Recommendation.Levels(expected, normalDemand, null, null, null, cover), unbufferable);
    }

    double reorderPoint;
    double safetyStock;
    if (in.serviceMeasure() == ServiceMeasure.CYCLE && ltd.size() == 1 && unsupplied == 0) {
      // One branch: version 1's closed form, to the bit.
      safetyStock = z(in.serviceLevel()) * ltd.sigma(0);
      reorderPoint = ltd.mu(0) + safetyStock;
    } else {
      reorderPoint = in.serviceMeasure() == ServiceMeasure.CYCLE ? ltd.quantile(in.serviceLevel())
          : ltd.fillRateReorderPoint((1 - in.serviceLevel()) * in.orderQuantity());
      safetyStock = reorderPoint - expected;
    }
    double inventoryPosition = in.onHand() + in.onOrder();
    double order = inventoryPosition <= reorderPoint ? reorderPoint + in.orderQuantity() - inventoryPosition : 0;
    PositionStatus status = in.onHand() < safetyStock ? PositionStatus.CRITICAL
        : inventoryPosition <= reorderPoint ? PositionStatus.REORDER : PositionStatus.OK;
    return new Recommendation(reported, status, target, supply,
        new Recommendation.Levels(expected, normalDemand, safetyStock, reorderPoint, order, cover), null);
  }

  /** Null when some finite stock reaches the target. */
  private static String unbufferableReason(PositionInputs in, double unsupplied) {
    if (unsupplied <= 0) {
      return null;
    }
    if (unsupplied >= 1 - WEIGHT_TOLERANCE) {
      return "The controlled path is prohibited and no alternate source is qualified: no stock level protects the line.";
    }
    String share = percent(unsupplied);
    if (in.serviceMeasure() == ServiceMeasure.FILL_RATE) {
      return "In futures weighing " + share + " the controlled path is prohibited and no alternate source is qualified:"
          + " the expected shortage is unbounded, so no stock level reaches a fill rate of "
          + percent(in.serviceLevel()) + ".";
    }
    if (unsupplied >= 1 - in.serviceLevel() - WEIGHT_TOLERANCE) {
      return "In futures weighing " + share + " the controlled path is prohibited and no alternate source is qualified:"
          + " at least 1 - alpha = " + percent(1 - in.serviceLevel()) + ", so no stock level reaches a cycle"
          + " service level of " + percent(in.serviceLevel()) + ".";
    }
    return null;
  }

  private static String percent(double share) {
    return java.math.BigDecimal.valueOf(Math.round(share * 10000), 2).stripTrailingZeros().toPlainString() + "%";
  }

  /** The licensing delay of the reported condition, from the first future that has it. */
  private static LicensingDelay reportedDelay(SupplyCondition reported, List<RegimeFuture> futures) {
    if (reported == SupplyCondition.NOT_CONTROLLED || reported == SupplyCondition.PROHIBITED) {
      return LicensingDelay.NONE;
    }
    for (RegimeFuture f : futures) {
      if (f.condition() == reported) {
        return f.delay();
      }
    }
    return LicensingDelay.NONE;
  }
}
