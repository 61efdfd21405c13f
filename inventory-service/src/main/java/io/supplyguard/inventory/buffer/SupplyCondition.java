package io.supplyguard.inventory.buffer;

/** How a position's supply stands under the regime (docs/buffer-model.md, "Supply condition"). */
public enum SupplyCondition {
  NOT_CONTROLLED, COVERED, LICENCE_REQUIRED, PROHIBITED
}
