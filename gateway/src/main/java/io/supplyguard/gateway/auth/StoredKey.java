package io.supplyguard.gateway.auth;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.UUID;

/**
 * What the API shows of a key: never the key, never its hash. {@code revokedAt} may be in the
 * future while a rotated key's grace period runs; {@code replaces} names the key it rotated.
 */
public record StoredKey(UUID id, UUID tenantId, String role, Instant createdAt, Instant revokedAt, UUID replaces) {

  public JsonObject toJson() {
    JsonObject json = new JsonObject()
        .put("id", id.toString())
        .put("tenantId", tenantId.toString())
        .put("role", role)
        .put("createdAt", createdAt.toString());
    if (revokedAt != null) {
      json.put("revokedAt", revokedAt.toString());
    }
    if (replaces != null) {
      json.put("replaces", replaces.toString());
    }
    return json;
  }
}
