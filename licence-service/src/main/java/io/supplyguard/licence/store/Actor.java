package io.supplyguard.licence.store;

/** Who made a change: a caller on the bus, or the service itself when time made it. */
public record Actor(String tenantId, String role, String requestId) {
  public static final Actor SYSTEM = new Actor(null, "SYSTEM", null);
}
