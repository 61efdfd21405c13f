package io.supplyguard.licence.regime;

/** Whether exports of an element need a licence on a date. */
public enum RestrictionState {
  /** No measure covering the element is in force. */
  NOT_CONTROLLED,
  /** At least one licence requirement covering it is in force and not suspended. */
  LICENCE_REQUIRED,
  /** Every licence requirement covering it that is in force is suspended. */
  SUSPENDED
}
