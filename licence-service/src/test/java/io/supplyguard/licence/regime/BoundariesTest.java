package io.supplyguard.licence.regime;

import static io.supplyguard.licence.regime.Seed2025.day;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BoundariesTest {

  @Test
  @DisplayName("2025-11-08: Nos. 56 and 57 take effect")
  void measuresTakeEffect() {
    assertThat(Boundaries.on(day("2025-11-08"), Seed2025.measures()))
        .extracting(b -> b.measure().id() + " " + b.change())
        .containsExactly("MOFCOM-GAC-2025-56 MEASURE_IN_FORCE", "MOFCOM-GAC-2025-57 MEASURE_IN_FORCE");
  }

  @Test
  @DisplayName("2026-11-11: the No. 70 suspension has ended for each measure it suspended")
  void suspensionEnds() {
    assertThat(Boundaries.on(day("2026-11-11"), Seed2025.measures()))
        .allMatch(b -> b.change() == RegimeBoundary.Change.SUSPENSION_ENDED && b.reference().equals("MOFCOM-GAC-2025-70"))
        .extracting(b -> b.measure().id())
        .containsExactly("MOFCOM-2025-61", "MOFCOM-2025-62", "MOFCOM-GAC-2025-56", "MOFCOM-GAC-2025-57");
  }

  @Test
  @DisplayName("an ordinary day brings nothing")
  void quietDay() {
    assertThat(Boundaries.on(day("2026-03-17"), Seed2025.measures())).isEmpty();
  }

  @Test
  @DisplayName("an extension that follows without a gap is no boundary; a suspension lifted early ends on its new day")
  void extensionAndLift() {
    Suspension first = new Suspension(1L, "A", day("2025-01-01"), day("2025-01-01"), day("2026-11-10"), null, "t");
    Suspension extension = new Suspension(2L, "B", day("2026-11-01"), day("2026-11-11"), day("2027-11-10"), null, "t");
    Measure extended = Seed2025.measure("X", MeasureKind.LICENCE_REQUIRED, "2024-01-01", Set.of("Ho"), Set.of("OXIDE"),
        Set.of(), Set.of(), false, first, extension);
    assertThat(Boundaries.on(day("2026-11-11"), List.of(extended))).isEmpty();
    assertThat(Boundaries.on(day("2027-11-11"), List.of(extended))).extracting(RegimeBoundary::reference)
        .containsExactly("B");

    Measure lifted = extended.withSuspension(extension.lift(day("2027-03-01")));
    assertThat(Boundaries.on(day("2027-03-01"), List.of(lifted))).extracting(RegimeBoundary::change)
        .containsExactly(RegimeBoundary.Change.SUSPENSION_ENDED);
    assertThat(Boundaries.on(day("2027-11-11"), List.of(lifted))).isEmpty();
  }
}
