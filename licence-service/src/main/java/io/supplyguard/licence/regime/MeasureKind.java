package io.supplyguard.licence.regime;

/** What a control measure does. */
public enum MeasureKind {
  /** Exports of the covered items need a licence. Decides an element's restriction state. */
  LICENCE_REQUIRED,
  /** Exports to some destinations or end uses are prohibited. Reported beside the state. */
  PROHIBITION,
  /** Re-exports and foreign-made goods need a licence. Reported beside the state. */
  EXTRATERRITORIAL
}
