package io.supplyguard.gateway.events;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * One change notification as stored in the event log: its id (the SSE event id, increasing),
 * its type, the tenant it belongs to (null: every tenant's, a regime change) and the payload
 * the service published.
 */
public record ChangeEvent(long id, String type, String tenantId, JsonObject payload, Instant createdAt) {
  public static final String ALERT = "alert";
  public static final String REGIME_CHANGED = "regime.changed";

  /** What SSE clients and webhook receivers get: the same JSON for both. */
  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("type", type)
        .put("createdAt", createdAt.toString())
        .put("data", payload);
  }
}
