package io.supplyguard.licence.check;

/** What a shipment needs under the regime. */
public enum Decision {
  /** No licence requirement bites on any day of the horizon. */
  NOT_REQUIRED,
  /** A licence is required and one ACTIVE licence of the tenant covers the shipment whole. */
  COVERED,
  /** A licence is required and none of the tenant's covers the shipment. */
  LICENCE_REQUIRED,
  /** A measure prohibits the end use to the destination: no licence will be granted. */
  PROHIBITED
}
