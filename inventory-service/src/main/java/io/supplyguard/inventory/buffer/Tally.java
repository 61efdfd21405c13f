package io.supplyguard.inventory.buffer;

/** Mean and sample standard deviation of one figure across replications (Welford's update, stable in one pass). */
final class Tally {
  private int count;
  private double mean;
  private double sumOfSquares;

  void add(double value) {
    count++;
    double delta = value - mean;
    mean += delta / count;
    sumOfSquares += delta * (value - mean);
  }

  /** Null when no replication produced the figure. */
  Estimate estimate() {
    if (count == 0) {
      return null;
    }
    double std = count > 1 ? Math.sqrt(sumOfSquares / (count - 1)) : 0;
    return Estimate.of(mean, std, count);
  }
}
