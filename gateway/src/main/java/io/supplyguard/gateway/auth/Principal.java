package io.supplyguard.gateway.auth;

import io.supplyguard.common.bus.Role;

/** Who is calling: the tenant a key acts for (none for the platform's admin key) and its role. */
public record Principal(String tenantId, Role role) {
  public static final String CONTEXT_KEY = "principal";
}
