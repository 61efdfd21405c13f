package io.supplyguard.licence.registry;

/** Where a licence is in its life. */
public enum LicenceStatus {
  APPLIED, ACTIVE, DENIED, SUSPENDED, REVOKED, EXPIRED, EXHAUSTED
}
