package io.supplyguard.inventory.buffer;

/** What the service level {@code alpha} of a position promises (docs/buffer-model.md, "Inputs"). */
public enum ServiceMeasure {
  /** The probability that a replenishment cycle has no stockout. */
  CYCLE,
  /** The share of demand met from stock. */
  FILL_RATE
}
