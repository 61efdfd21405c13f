package io.supplyguard.licence.registry;

/** Why a licence cannot be drawn on. */
public enum DrawRefusal {
  /** Only an ACTIVE licence can be drawn on. */
  NOT_ACTIVE,
  /** The day is outside validFrom..validTo, whatever the status says yet. */
  NOT_VALID_ON_THE_DAY,
  /** The quantity is more than what remains under the cap. */
  OVER_THE_CAP
}
