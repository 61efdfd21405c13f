package io.supplyguard.licence.store;

import io.supplyguard.common.bus.BusRequest;

/** Who made a change: a caller on the bus, or the service itself when time made it. */
public record Actor(String tenantId, String role, String requestId) {
  public static final Actor SYSTEM = new Actor(null, "SYSTEM", null);

  public static Actor of(BusRequest request) {
    return new Actor(request.tenantId(), request.role() == null ? "UNKNOWN" : request.role().name(),
        request.requestId());
  }
}
