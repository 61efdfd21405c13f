package io.supplyguard.inventory.buffer;

/**
 * The model's parameters that are configuration (docs/buffer-model.md, "Configuration"). The
 * review time T itself comes with the supply condition, from the licence-service that owns the
 * working-day calendar.
 */
public record BufferParameters(double coveredDelayMeanDays, double coveredDelayStdDays, double reviewStdDays,
    double denialProbability) {

  public static final BufferParameters DEFAULTS = new BufferParameters(5, 2, 10, 0.2);
}
