package io.supplyguard.common.bus;

/** The caller's role, carried on every bus message. */
public enum Role {
  /** Manages the regime and tenants, reads everything. */
  ADMIN,
  /** Its own licences, sites and positions; reads the regime. */
  TENANT
}
