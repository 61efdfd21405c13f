package io.supplyguard.inventory.buffer;

/** Where a position stands against its buffer; the first that matches, in this order. */
public enum PositionStatus {
  /** PROHIBITED with no alternate source: no stock level protects the line. */
  UNBUFFERABLE,
  /** On hand is below the safety stock. */
  CRITICAL,
  /** The inventory position is at or below the reorder point: order now. */
  REORDER,
  OK
}
