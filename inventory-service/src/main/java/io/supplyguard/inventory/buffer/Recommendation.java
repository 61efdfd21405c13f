package io.supplyguard.inventory.buffer;

/**
 * The stock a position must hold and why. Levels are null when the position is UNBUFFERABLE;
 * daysOfCover is null when there is no demand.
 *
 * @param leadTimeDemand d*(L+R): demand over the normal lead time and review period
 * @param licensingDemand d*(muG + p*T): demand over the licensing delay and the denial risk
 * @param usedAlternate whether the levels come from the alternate source (PROHIBITED)
 */
public record Recommendation(
    SupplyCondition condition,
    PositionStatus status,
    LicensingDelay delay,
    double z,
    double leadTimeMean,
    double leadTimeVariance,
    Double safetyStock,
    Double reorderPoint,
    Double recommendedOrder,
    Double daysOfCover,
    double leadTimeDemand,
    double licensingDemand,
    boolean usedAlternate) {
}
