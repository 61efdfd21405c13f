package io.supplyguard.gateway.routes;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.supplyguard.common.bus.Addresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Answers about the regime kept by the gateway between changes. The element states of a date
 * depend on the regime alone, which changes a few times a year, while every manufacturer's
 * system asks for them all day: a hit spares the event-bus hop to licence-service and back.
 * Every request still passes authentication, rate limits, validation and the access log.
 *
 * <p>Emptied when the regime changes: on {@code regime.changed}, which licence-service
 * publishes to every gateway replica, and at once by this gateway when it forwards a regime
 * write, so that the ADMIN who made a change reads it. An answer for "today" (no date asked)
 * is kept for {@link #TODAY_TTL} only, as today ends at midnight without any event; an answer
 * for a named date for {@link #DATED_TTL}, a bound in case an event were ever missed.
 *
 * <p>One per gateway, shared by its HTTP verticle instances (a change empties it for all of them
 * at once): Caffeine is thread-safe, and the generation is an atomic counter.
 */
public final class ReferenceCache {
  static final Duration TODAY_TTL = Duration.ofSeconds(1);
  static final Duration DATED_TTL = Duration.ofMinutes(10);
  private static final int MAXIMUM_ANSWERS = 1_000;

  private final Cache<String, Buffer> answers = Caffeine.newBuilder()
      .maximumSize(MAXIMUM_ANSWERS)
      .expireAfter(Expiry.<String, Buffer>writing((key, answer) -> key.isEmpty() ? TODAY_TTL : DATED_TTL))
      .executor(Runnable::run)
      .build();
  /** Bumped by every change, so that an answer read before it is not kept after it. */
  private final AtomicLong generation = new AtomicLong();
  private final MessageConsumer<JsonObject> changes;

  private ReferenceCache(Vertx vertx) {
    changes = vertx.eventBus().consumer(Addresses.REGIME_CHANGED, change -> invalidate());
  }

  /** A cache for one gateway, listening for regime changes as long as its Vert.x runs. */
  public static Future<ReferenceCache> listen(Vertx vertx) {
    ReferenceCache cache = new ReferenceCache(vertx);
    return cache.changes.completion().map(cache);
  }

  /** The answer kept for {@code key}, or else {@code fetch}'s, kept unless the regime changed meanwhile. */
  Future<Buffer> get(String key, java.util.function.Supplier<Future<Buffer>> fetch) {
    Buffer kept = answers.getIfPresent(key);
    if (kept != null) {
      return Future.succeededFuture(kept);
    }
    long before = generation.get();
    return fetch.get().onSuccess(answer -> {
      if (generation.get() == before) {
        answers.put(key, answer);
      }
    });
  }

  void invalidate() {
    generation.incrementAndGet();
    answers.invalidateAll();
  }
}
