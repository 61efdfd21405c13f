package io.supplyguard.inventory.buffer;

/**
 * The model's parameters (docs/buffer-model.md, "Configuration"). The review time T and the
 * destination's denial probability p come with the supply condition, from the licence-service that
 * owns the working-day calendar and the denial probabilities; the others are inventory's settings.
 */
public record BufferParameters(double coveredDelayMeanDays, double coveredDelayStdDays, double reviewStdDays,
    double denialProbability) {

  public static final BufferParameters DEFAULTS = new BufferParameters(5, 2, 10, 0.2);

  /** The same, with the denial probability of a position's destination. */
  public BufferParameters withDenialProbability(double p) {
    return p == denialProbability ? this : new BufferParameters(coveredDelayMeanDays, coveredDelayStdDays,
        reviewStdDays, p);
  }
}
