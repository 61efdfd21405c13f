package io.supplyguard.gateway.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private final Backoff backoff = new Backoff(Duration.ofSeconds(10), 3, Duration.ofHours(1), 10);

  @Test
  @DisplayName("without jitter the delays are base times factor to the attempt, capped")
  void exponential() {
    assertThat(delays(() -> 0.0)).containsExactly(10_000L, 30_000L, 90_000L, 270_000L, 810_000L, 2_430_000L,
        3_600_000L, 3_600_000L, 3_600_000L);
  }

  @Test
  @DisplayName("jitter takes at most a fifth off each delay")
  void jitter() {
    assertThat(delays(() -> 0.999_999)).allSatisfy(d -> assertThat(d).isGreaterThanOrEqualTo(8_000L));
    assertThat(backoff.afterFailed(1, () -> 0.5)).contains(Duration.ofSeconds(9));
  }

  @Test
  @DisplayName("each delay is longer than the one before whatever the jitter draws, until the cap")
  void growing() {
    for (int attempt = 1; attempt < 6; attempt++) {
      Duration longest = backoff.afterFailed(attempt, () -> 0.0).orElseThrow();
      Duration shortestNext = backoff.afterFailed(attempt + 1, () -> 0.999_999).orElseThrow();
      assertThat(shortestNext).isGreaterThan(longest);
    }
  }

  @Test
  @DisplayName("there is no attempt after the last")
  void lastAttempt() {
    assertThat(backoff.afterFailed(10, () -> 0.0)).isEqualTo(Optional.empty());
    assertThat(new Backoff(Duration.ofSeconds(1), 2, Duration.ofSeconds(1), 1).afterFailed(1, () -> 0.0)).isEmpty();
  }

  @Test
  @DisplayName("a schedule that cannot work is refused")
  void invalid() {
    assertThatThrownBy(() -> new Backoff(Duration.ZERO, 2, Duration.ofSeconds(1), 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), 0.5, Duration.ofSeconds(1), 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), 2, Duration.ofSeconds(1), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private java.util.List<Long> delays(java.util.function.DoubleSupplier random) {
    java.util.List<Long> delays = new java.util.ArrayList<>();
    for (int attempt = 1; attempt < 10; attempt++) {
      delays.add(backoff.afterFailed(attempt, random).orElseThrow().toMillis());
    }
    return delays;
  }
}
