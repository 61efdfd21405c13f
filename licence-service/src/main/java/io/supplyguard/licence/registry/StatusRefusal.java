package io.supplyguard.licence.registry;

/** Why a licence's owner cannot move it to the status asked for. */
public enum StatusRefusal {
  /** The lifecycle has no such step from the licence's status ({@link LicenceLifecycle}). */
  NOT_ALLOWED_FROM,
  /** ACTIVE asked for after validTo: the status would claim a cover the licence no longer gives. */
  PAST_VALID_TO
}
