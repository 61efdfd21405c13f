package io.supplyguard.inventory.buffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EstimateTest {
  @Test
  @DisplayName("the interval is the mean plus or minus 1.96 standard errors")
  void interval() {
    Estimate estimate = Estimate.of(0.5, 0.2, 100);

    assertThat(estimate.lower()).isCloseTo(0.5 - 0.0392, within(1e-12));
    assertThat(estimate.upper()).isCloseTo(0.5 + 0.0392, within(1e-12));
    assertThat(estimate.contains(0.47)).isTrue();
    assertThat(estimate.contains(0.46)).isFalse();
  }

  @Test
  @DisplayName("the interval of a share never leaves [0, 1]")
  void clamped() {
    assertThat(Estimate.of(0.99, 0.1, 4).upper()).isEqualTo(1.0);
    assertThat(Estimate.of(0.01, 0.1, 4).lower()).isZero();
  }

  @Test
  @DisplayName("a tally gives the sample standard deviation, with n - 1")
  void tally() {
    Tally tally = new Tally();
    for (double value : new double[] {0.4, 0.4, 0.6, 0.6}) {
      tally.add(value);
    }

    // mean 0.5, sample variance 0.04 / 3
    Estimate estimate = tally.estimate();
    assertThat(estimate.mean()).isEqualTo(0.5);
    assertThat(estimate.upper()).isCloseTo(0.5 + 1.96 * Math.sqrt(0.04 / 3) / 2, within(1e-12));
    assertThat(estimate.samples()).isEqualTo(4);
  }

  @Test
  @DisplayName("a tally of nothing has no estimate")
  void emptyTally() {
    assertThat(new Tally().estimate()).isNull();
  }
}
