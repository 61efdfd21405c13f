package io.supplyguard.licence.regime;

import static io.supplyguard.licence.regime.Seed2025.day;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The rules an operator's change to a measure's suspensions must keep: no overlap, no lifting after the end. */
class SuspensionChangesTest {
  private static final Measure NO_57 = Seed2025.measure("MOFCOM-GAC-2025-57", MeasureKind.LICENCE_REQUIRED,
      "2025-11-08", Set.of("Ho"), Set.of("METAL"), Set.of(), Set.of(), false, Seed2025.no70());

  @Test
  @DisplayName("a suspension sharing a day with No. 70 (2025-11-07..2026-11-10) overlaps it, at either end")
  void overlapAtEitherEnd() {
    assertThat(NO_57.suspensionOverlapping(day("2026-11-10"), day("2027-11-10"))).contains(Seed2025.no70());
    assertThat(NO_57.suspensionOverlapping(day("2025-01-01"), day("2025-11-07"))).contains(Seed2025.no70());
    assertThat(NO_57.suspensionOverlapping(day("2026-01-01"), day("2026-02-01"))).contains(Seed2025.no70());
  }

  @Test
  @DisplayName("an extension from the day after the last day, or a suspension ending the day before, does not overlap")
  void adjacentIsNoOverlap() {
    assertThat(NO_57.suspensionOverlapping(day("2026-11-11"), day("2027-11-10"))).isEmpty();
    assertThat(NO_57.suspensionOverlapping(day("2025-01-01"), day("2025-11-06"))).isEmpty();
  }

  @Test
  @DisplayName("a suspension lifted early frees the days after it: they no longer overlap")
  void liftedFreesItsLaterDays() {
    Measure lifted = NO_57.withSuspension(Seed2025.no70().lift(day("2026-03-01")));
    assertThat(lifted.suspensionOverlapping(day("2026-03-01"), day("2026-12-31"))).isEmpty();
    assertThat(lifted.suspensionOverlapping(day("2026-02-28"), day("2026-12-31"))).isPresent();
  }

  @Test
  @DisplayName("a suspension can be lifted on any day up to its last day, not after it")
  void liftingUpToTheEnd() {
    Suspension no70 = Seed2025.no70();
    assertThat(no70.liftableOn(day("2025-11-07"))).isTrue();
    assertThat(no70.liftableOn(day("2026-11-10"))).isTrue();
    assertThat(no70.liftableOn(day("2026-11-11"))).isFalse();
  }

  @Test
  @DisplayName("once lifted, its end is the day before the lifting: a later day cannot lift it again")
  void liftedEndsEarlier() {
    Suspension lifted = Seed2025.no70().lift(day("2026-03-01"));
    assertThat(lifted.liftableOn(day("2026-02-28"))).isTrue();
    assertThat(lifted.liftableOn(day("2026-03-01"))).isFalse();
  }

  @Test
  @DisplayName("a suspension has ended before the day after its last day, not on its last day")
  void endedBefore() {
    assertThat(Seed2025.no70().endedBefore(day("2026-11-10"))).isFalse();
    assertThat(Seed2025.no70().endedBefore(day("2026-11-11"))).isTrue();
  }
}
