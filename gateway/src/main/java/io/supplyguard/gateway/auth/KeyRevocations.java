package io.supplyguard.gateway.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;

/**
 * Tells every gateway replica that a key was revoked or rotated, so that each drops it from
 * its {@link KeyCache}. The replica that made the change drops it before it answers; the
 * others hear it on the clustered event bus a moment later, and a replica that misses the
 * message (a partition) stops trusting its cache when the entry's TTL ends.
 */
public final class KeyRevocations {
  /** Published, never sent: every gateway replica listens. Body {@code {keyId}}. */
  static final String ADDRESS = "gateway.keys.revoked";

  private final Vertx vertx;
  private final KeyCache cache;

  public KeyRevocations(Vertx vertx, KeyCache cache) {
    this.vertx = vertx;
    this.cache = cache;
  }

  /** Listens for other replicas' revocations; completes once the consumer is registered cluster-wide. */
  public Future<MessageConsumer<JsonObject>> listen() {
    MessageConsumer<JsonObject> consumer = vertx.eventBus().consumer(ADDRESS,
        message -> cache.invalidate(message.body().getString("keyId")));
    return consumer.completion().map(consumer);
  }

  /** Forgets the key here at once, and tells the other replicas. */
  public void revoked(String keyId) {
    cache.invalidate(keyId);
    vertx.eventBus().publish(ADDRESS, new JsonObject().put("keyId", keyId));
  }
}
