package io.supplyguard.licence.check;

import static io.supplyguard.licence.regime.Seed2025.day;
import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.licence.regime.Measure;
import io.supplyguard.licence.regime.MeasureKind;
import io.supplyguard.licence.regime.Seed2025;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ScenarioTest {
  private static final SupplyQuery HOLMIUM_60_DAYS = new SupplyQuery(Set.of("Ho"), "OXIDE", "DE", "CIVIL", null,
      day("2026-10-01"), 60, 60);

  @Test
  @DisplayName("the No. 70 suspension extended to 2027-11-10 protects a 60-day holmium supply as of 2026-10-01")
  void extension() {
    List<Measure> now = Seed2025.measures();
    List<Measure> extended = Scenario.regime(now, List.of(
        new ScenarioChange.SuspensionExtended("MOFCOM-GAC-2025-70", day("2027-11-10"))));
    assertThat(Determiner.determine(HOLMIUM_60_DAYS, now, List.of()).decision()).isEqualTo(Decision.LICENCE_REQUIRED);
    assertThat(Determiner.determine(HOLMIUM_60_DAYS, extended, List.of()).decision()).isEqualTo(Decision.NOT_REQUIRED);
    assertThat(now).isEqualTo(Seed2025.measures());
  }

  @Test
  @DisplayName("a suspension ended early, and a new measure, each bring a licence requirement forward")
  void endedEarlyAndNewMeasure() {
    SupplyQuery holmiumSoon = new SupplyQuery(Set.of("Ho"), "OXIDE", "DE", "CIVIL", null, day("2026-01-05"), 30, 30);
    List<Measure> ended = Scenario.regime(Seed2025.measures(), List.of(
        new ScenarioChange.SuspensionEndedEarly("MOFCOM-GAC-2025-70", day("2026-02-01"))));
    assertThat(Determiner.determine(holmiumSoon, Seed2025.measures(), List.of()).decision())
        .isEqualTo(Decision.NOT_REQUIRED);
    assertThat(Determiner.determine(holmiumSoon, ended, List.of()).decision()).isEqualTo(Decision.LICENCE_REQUIRED);

    Measure lanthanum = Seed2025.measure("NEW-LA", MeasureKind.LICENCE_REQUIRED, "2026-01-20", Set.of("La"),
        Set.of("OXIDE"), Set.of(), Set.of(), false);
    SupplyQuery la = new SupplyQuery(Set.of("La"), "OXIDE", "DE", "CIVIL", null, day("2026-01-05"), 30, 30);
    assertThat(Determiner.determine(la, Scenario.regime(Seed2025.measures(),
        List.of(new ScenarioChange.NewMeasure(lanthanum))), List.of()).decision()).isEqualTo(Decision.LICENCE_REQUIRED);
  }
}
