package io.supplyguard.inventory.buffer;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * docs/buffer-model.md, "From condition to lead time" and "Stock levels". Pure and stateless:
 * the same inputs give the same recommendation, so it can be tested against the worked example
 * and benchmarked.
 */
public final class BufferModel {
  private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

  private BufferModel() {
  }

  /** The inverse standard normal CDF at the service level. */
  public static double z(double serviceLevel) {
    return STANDARD_NORMAL.inverseCumulativeProbability(serviceLevel);
  }

  /**
   * @param delay the licensing delay of the condition (ignored when PROHIBITED)
   */
  public static Recommendation recommend(PositionInputs in, SupplyCondition condition, LicensingDelay delay) {
    double d = in.demandMeanPerDay();
    Double cover = d > 0 ? in.onHand() / d : null;
    double leadTime = in.leadTimeMeanDays();
    double leadTimeStd = in.leadTimeStdDays();
    LicensingDelay g = delay;
    boolean alternate = false;
    if (condition == SupplyCondition.PROHIBITED) {
      if (in.alternate() == null) {
        return new Recommendation(condition, PositionStatus.UNBUFFERABLE, LicensingDelay.NONE, z(in.serviceLevel()),
            0, 0, null, null, null, cover, 0, 0, false);
      }
      // The controlled path is closed: plan on the alternate source, with no licensing at all.
      leadTime = in.alternate().leadTimeMeanDays();
      leadTimeStd = in.alternate().leadTimeStdDays();
      g = LicensingDelay.NONE;
      alternate = true;
    }
    double z = z(in.serviceLevel());
    double r = in.reviewPeriodDays();
    double sd = in.demandStdPerDay();
    double muLt = leadTime + g.meanDays() + g.expectedDenialDays();
    double varLt = leadTimeStd * leadTimeStd + g.variance();
    double safetyStock = z * Math.sqrt((muLt + r) * sd * sd + d * d * varLt);
    double reorderPoint = d * (muLt + r) + safetyStock;
    double inventoryPosition = in.onHand() + in.onOrder();
    double order = inventoryPosition <= reorderPoint ? reorderPoint + in.orderQuantity() - inventoryPosition : 0;
    PositionStatus status = in.onHand() < safetyStock ? PositionStatus.CRITICAL
        : inventoryPosition <= reorderPoint ? PositionStatus.REORDER : PositionStatus.OK;
    return new Recommendation(condition, status, g, z, muLt, varLt, safetyStock, reorderPoint, order, cover,
        d * (leadTime + r), d * (g.meanDays() + g.expectedDenialDays()), alternate);
  }
}
