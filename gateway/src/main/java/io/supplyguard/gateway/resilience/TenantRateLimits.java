package io.supplyguard.gateway.resilience;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One token bucket (Bucket4j) per caller key, so that one tenant's burst never takes another's
 * tokens. A bucket left alone until it is full again behaves exactly as a new one, so full
 * buckets are dropped, at most once per fill time and on the request path: memory holds only
 * the callers seen in the last two fill times (4 s with the defaults), however many there are.
 *
 * <p>One per gateway, taken from by every HTTP verticle instance at once, so that a tenant's
 * limit is its limit whatever the number of event loops. A token is taken, and a full bucket
 * dropped, inside the map's atomic {@code compute} for that key: a bucket cannot be dropped
 * between another thread finding it and taking from it, which would hand out a token twice.
 */
public final class TenantRateLimits {
  private final RateLimitPolicy policy;
  private final TimeMeter clock;
  private final long sweepEveryNanos;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
  private final AtomicLong lastSweepNanos;

  /** @param clock Bucket4j's clock: {@link TimeMeter#SYSTEM_NANOTIME} in service, one a test moves by hand */
  public TenantRateLimits(RateLimitPolicy policy, TimeMeter clock) {
    this.policy = policy;
    this.clock = clock;
    this.sweepEveryNanos = Duration.ofSeconds(policy.windowSeconds()).toNanos();
    this.lastSweepNanos = new AtomicLong(clock.currentTimeNanos());
  }

  public RateLimitPolicy policy() {
    return policy;
  }

  /** Takes one token from {@code key}'s bucket, if it has one. */
  public RateLimitDecision take(String key) {
    dropFullBucketsWhenDue();
    ConsumptionProbe[] taken = new ConsumptionProbe[1];
    buckets.compute(key, (k, bucket) -> {
      Bucket held = bucket != null ? bucket : newBucket();
      taken[0] = held.tryConsumeAndReturnRemaining(1);
      return held;
    });
    ConsumptionProbe probe = taken[0];
    long retryAfter = probe.isConsumed() ? 0 : Math.max(1, RateLimitDecision.wholeSecondsUp(probe.getNanosToWaitForRefill()));
    return new RateLimitDecision(probe.isConsumed(), probe.getRemainingTokens(),
        RateLimitDecision.wholeSecondsUp(probe.getNanosToWaitForReset()), retryAfter);
  }

  /** How many buckets are held now. */
  public int size() {
    return buckets.size();
  }

  private void dropFullBucketsWhenDue() {
    long now = clock.currentTimeNanos();
    long last = lastSweepNanos.get();
    if (now - last >= sweepEveryNanos && lastSweepNanos.compareAndSet(last, now)) {
      for (String key : buckets.keySet()) {
        buckets.computeIfPresent(key, (k, bucket) -> bucket.getAvailableTokens() >= policy.burst() ? null : bucket);
      }
    }
  }

  private Bucket newBucket() {
    return Bucket.builder()
        .addLimit(limit -> limit.capacity(policy.burst()).refillGreedy(policy.ratePerSecond(), Duration.ofSeconds(1)))
        .withCustomTimePrecision(clock)
        .build();
  }
}
