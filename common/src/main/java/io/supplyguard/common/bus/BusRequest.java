package io.supplyguard.common.bus;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;

/** A request received on the bus: its body and who sent it. */
public record BusRequest(JsonObject body, String requestId, String tenantId, Role role, String idempotencyKey) {

  static BusRequest of(JsonObject body, MultiMap headers) {
    String role = headers.get(BusHeaders.ROLE);
    return new BusRequest(body == null ? new JsonObject() : body,
        headers.get(BusHeaders.REQUEST_ID),
        headers.get(BusHeaders.TENANT_ID),
        role == null ? null : Role.valueOf(role),
        headers.get(BusHeaders.IDEMPOTENCY_KEY));
  }

  public boolean isAdmin() {
    return role == Role.ADMIN;
  }

  /** Fails with FORBIDDEN unless the caller is an ADMIN. */
  public void requireAdmin() {
    if (!isAdmin()) {
      throw new ServiceException(FailureCode.FORBIDDEN, "This operation needs the ADMIN role.");
    }
  }

  /** The caller's tenant; FORBIDDEN for a caller that acts for none (the platform admin). */
  public String requireTenant() {
    if (tenantId == null) {
      throw new ServiceException(FailureCode.FORBIDDEN, "This operation is made by a tenant, with a tenant's key.");
    }
    return tenantId;
  }
}
