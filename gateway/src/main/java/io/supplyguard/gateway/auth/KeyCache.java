package io.supplyguard.gateway.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Key hash to what the key grants, so that a request does not cost a database round trip. An
 * entry lives at most {@code ttl}, and no longer than its key's grace period: that bounds how
 * long a revocation this gateway did not hear of can go unnoticed. Unknown keys are not
 * cached: a new key works at once, and guessing cannot fill the cache.
 */
public final class KeyCache {
  private final Cache<String, KeyGrant> grants;
  /** Bumped by every invalidation, so that a lookup that raced one does not store what it read before it. */
  private final AtomicLong generation = new AtomicLong();

  public KeyCache(int maximumSize, Duration ttl) {
    this.grants = Caffeine.newBuilder()
        .maximumSize(maximumSize)
        .expireAfter(Expiry.<String, KeyGrant>writing((hash, grant) ->
            grant.validFor() == null || grant.validFor().compareTo(ttl) > 0 ? ttl : grant.validFor()))
        .executor(Runnable::run)
        .build();
  }

  /** The grant of {@code keyHash}, from the cache or else from {@code lookup}, which is then cached. */
  public Future<Optional<KeyGrant>> get(String keyHash, Function<String, Future<Optional<KeyGrant>>> lookup) {
    KeyGrant cached = grants.getIfPresent(keyHash);
    if (cached != null) {
      return Future.succeededFuture(Optional.of(cached));
    }
    long before = generation.get();
    return lookup.apply(keyHash).onSuccess(found -> found.ifPresent(grant -> {
      if (generation.get() == before) {
        grants.put(keyHash, grant);
      }
    }));
  }

  /** Forgets the key with this id, wherever it is cached. */
  public void invalidate(String keyId) {
    generation.incrementAndGet();
    grants.asMap().values().removeIf(grant -> grant.keyId().equals(keyId));
  }
}
