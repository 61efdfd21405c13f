package io.supplyguard.gateway.events;

import io.vertx.core.json.JsonObject;

/**
 * A bus event about to be appended to the log, under the key that identifies it whichever
 * replica received it.
 */
public record NewEvent(String sourceKey, String type, String tenantId, JsonObject payload) {
}
