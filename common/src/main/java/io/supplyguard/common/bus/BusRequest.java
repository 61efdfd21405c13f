package io.supplyguard.common.bus;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;

/** A request received on the bus: its body and who sent it. */
public record BusRequest(JsonObject body, String requestId, String tenantId, Role role) {

  static BusRequest of(JsonObject body, MultiMap headers) {
    String role = headers.get(BusHeaders.ROLE);
    return new BusRequest(body == null ? new JsonObject() : body,
        headers.get(BusHeaders.REQUEST_ID),
        headers.get(BusHeaders.TENANT_ID),
        role == null ? null : Role.valueOf(role));
  }

  /** Fails with FORBIDDEN unless the caller is an ADMIN. */
  public void requireAdmin() {
    if (role != Role.ADMIN) {
      throw new ServiceException(FailureCode.FORBIDDEN, "This operation needs the ADMIN role.");
    }
  }
}
