package io.supplyguard.inventory.buffer;

/** A qualified source outside the controlled path, used when the controlled one is prohibited. */
public record AlternateSource(double leadTimeMeanDays, double leadTimeStdDays) {
}
