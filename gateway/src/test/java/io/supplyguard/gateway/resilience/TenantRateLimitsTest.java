package io.supplyguard.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The per-tenant token buckets on a clock moved by hand. */
class TenantRateLimitsTest {
  private final HandClock clock = new HandClock();
  private final TenantRateLimits limits = new TenantRateLimits(new RateLimitPolicy(200, 400), clock);

  @Test
  @DisplayName("a tenant gets its burst at once, then a 429 saying to retry in 1 s, with nothing left")
  void burstThenRefused() {
    IntStream.range(0, 400).forEach(i -> assertThat(limits.take("a").allowed()).as("request %d", i).isTrue());
    RateLimitDecision refused = limits.take("a");
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.remaining()).isZero();
    assertThat(refused.retryAfterSeconds()).isEqualTo(1);
    assertThat(refused.secondsToFull()).isEqualTo(2);
    assertThat(refused.header()).isEqualTo("\"tenant\";r=0;t=2");
  }

  @Test
  @DisplayName("tokens come back at the configured rate: 200 per second, never above the burst")
  void refill() {
    IntStream.range(0, 400).forEach(i -> limits.take("a"));
    clock.advance(Duration.ofMillis(500));
    assertThat(IntStream.range(0, 150).filter(i -> limits.take("a").allowed()).count()).isEqualTo(100);
    clock.advance(Duration.ofMinutes(5));
    RateLimitDecision first = limits.take("a");
    assertThat(first.remaining()).isEqualTo(399);
    assertThat(first.secondsToFull()).isEqualTo(1);
  }

  @Test
  @DisplayName("one tenant's exhausted bucket leaves another's whole")
  void tenantsApart() {
    IntStream.range(0, 401).forEach(i -> limits.take("a"));
    assertThat(limits.take("a").allowed()).isFalse();
    RateLimitDecision other = limits.take("b");
    assertThat(other.allowed()).isTrue();
    assertThat(other.remaining()).isEqualTo(399);
  }

  @Test
  @DisplayName("buckets of tenants idle until full again are dropped, so memory does not grow with every tenant ever seen")
  void idleBucketsDropped() {
    IntStream.range(0, 1000).forEach(i -> limits.take("tenant-" + i));
    IntStream.range(0, 400).forEach(i -> limits.take("busy"));
    assertThat(limits.size()).isEqualTo(1001);
    clock.advance(Duration.ofMillis(1500));
    IntStream.range(0, 300).forEach(i -> limits.take("busy"));
    assertThat(limits.size()).as("no sweep before a fill time has passed").isEqualTo(1001);
    clock.advance(Duration.ofMillis(500));
    RateLimitDecision busy = limits.take("busy");
    assertThat(limits.size()).as("the busy tenant's bucket is not full, the others are: one sweep ran").isEqualTo(1);
    assertThat(busy.remaining()).as("the kept bucket still counts what was taken").isEqualTo(99);
  }

  @Test
  @DisplayName("the policy is advertised as RateLimit-Policy: the burst as quota, the fill time as window")
  void policyHeader() {
    assertThat(new RateLimitPolicy(200, 400).header()).isEqualTo("\"tenant\";q=400;w=2");
    assertThat(new RateLimitPolicy(1, 5).header()).isEqualTo("\"tenant\";q=5;w=5");
    assertThat(new RateLimitPolicy(300, 100).header()).isEqualTo("\"tenant\";q=100;w=1");
  }

  /** Bucket4j's clock, moved by the test. */
  private static final class HandClock implements TimeMeter {
    private long nanos = 1_000_000_000L;

    void advance(Duration duration) {
      nanos += duration.toNanos();
    }

    @Override
    public long currentTimeNanos() {
      return nanos;
    }

    @Override
    public boolean isWallClockBased() {
      return false;
    }
  }
}
