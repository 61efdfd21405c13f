package io.supplyguard.inventory.buffer;

/**
 * The numbers of one stock position (docs/buffer-model.md, "Inputs"): kg, kg per day, days.
 *
 * @param serviceMeasure what serviceLevel promises: CYCLE or FILL_RATE
 * @param reviewPeriodDays R; 0 is continuous review
 * @param orderQuantity Q
 * @param alternate may be null
 */
public record PositionInputs(
    double onHand,
    double onOrder,
    double demandMeanPerDay,
    double demandStdPerDay,
    double leadTimeMeanDays,
    double leadTimeStdDays,
    ServiceMeasure serviceMeasure,
    double serviceLevel,
    double reviewPeriodDays,
    double orderQuantity,
    AlternateSource alternate) {

  public PositionInputs {
    if (serviceMeasure == null) {
      throw new IllegalArgumentException("serviceMeasure is required");
    }
  }

  /** The default Q of the model: 30 days of mean demand. */
  public static double defaultOrderQuantity(double demandMeanPerDay) {
    return demandMeanPerDay * 30;
  }
}
