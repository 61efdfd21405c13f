package io.supplyguard.licence.check;

import static io.supplyguard.licence.regime.Seed2025.day;
import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.licence.regime.Measure;
import io.supplyguard.licence.regime.Seed2025;
import io.supplyguard.licence.registry.Licence;
import io.supplyguard.licence.registry.LicenceStatus;
import io.supplyguard.licence.registry.LicenceType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DeterminerTest {
  private static final List<Measure> REGIME = Seed2025.measures();
  private static final Set<String> N52_DY = Set.of("Nd", "Pr", "Dy", "Tb");

  private static SupplyQuery query(Set<String> elements, String form, String destination, String endUse,
      String quantity, String asOf, int horizon, int coverage) {
    return new SupplyQuery(elements, form, destination, endUse, quantity == null ? null : new BigDecimal(quantity),
        day(asOf), horizon, coverage);
  }

  private static Licence licence(Set<String> elements, String form, String destination, String cap, String drawn,
      String validTo, LicenceStatus status) {
    return new Licence(UUID.randomUUID(), "t1", LicenceType.GENERAL, "JL Mag", null, elements, Set.of(form),
        new BigDecimal(cap), new BigDecimal(drawn), day("2026-01-01"), day(validTo), destination, "CIVIL", status,
        null, day("2026-01-01"), null, null, null);
  }

  @Test
  @DisplayName("a magnet without heavy rare earths needs no licence")
  void notRequired() {
    Determination d = Determiner.determine(query(Set.of("Nd", "Pr"), "MAGNET", "DE", "CIVIL", "300", "2026-11-30", 30, 30),
        REGIME, List.of());
    assertThat(d.decision()).isEqualTo(Decision.NOT_REQUIRED);
    assertThat(d.counting()).isEmpty();
  }

  @Test
  @DisplayName("a Dy-bearing magnet needs a licence under No. 18, for its Dy and Tb")
  void licenceRequired() {
    Determination d = Determiner.determine(query(N52_DY, "MAGNET", "DE", "CIVIL", "300", "2026-11-30", 30, 30),
        REGIME, List.of());
    assertThat(d.decision()).isEqualTo(Decision.LICENCE_REQUIRED);
    assertThat(d.counting()).extracting(Measure::id).containsExactly("MOFCOM-GAC-2025-18");
    assertThat(d.countingElements()).containsExactly("Dy", "Tb");
  }

  @Test
  @DisplayName("one ACTIVE licence covering every counting element, the form and the destination covers the supply")
  void covered() {
    Licence good = licence(Set.of("Dy", "Tb"), "MAGNET", "DE", "1000", "400", "2027-06-30", LicenceStatus.ACTIVE);
    Determination d = Determiner.determine(query(N52_DY, "MAGNET", "DE", "CIVIL", "300", "2026-11-30", 30, 30),
        REGIME, List.of(good));
    assertThat(d.decision()).isEqualTo(Decision.COVERED);
    assertThat(d.coveredBy()).isEqualTo(good);
    assertThat(d.remainingAfterKg()).isEqualByComparingTo("300");
  }

  @Test
  @DisplayName("a licence is no cover when it misses an element, the form, the destination, quantity, validity or status")
  void notCovered() {
    Set<String> dyTb = Set.of("Dy", "Tb");
    List<Licence> near = List.of(
        licence(Set.of("Dy"), "MAGNET", "DE", "1000", "0", "2027-06-30", LicenceStatus.ACTIVE),
        licence(dyTb, "OXIDE", "DE", "1000", "0", "2027-06-30", LicenceStatus.ACTIVE),
        licence(dyTb, "MAGNET", "FR", "1000", "0", "2027-06-30", LicenceStatus.ACTIVE),
        licence(dyTb, "MAGNET", "DE", "1000", "800", "2027-06-30", LicenceStatus.ACTIVE),
        licence(dyTb, "MAGNET", "DE", "1000", "0", "2026-12-15", LicenceStatus.ACTIVE),
        licence(dyTb, "MAGNET", "DE", "1000", "0", "2027-06-30", LicenceStatus.SUSPENDED));
    Determination d = Determiner.determine(query(N52_DY, "MAGNET", "DE", "CIVIL", "300", "2026-11-30", 30, 30),
        REGIME, near);
    assertThat(d.decision()).isEqualTo(Decision.LICENCE_REQUIRED);
  }

  @Test
  @DisplayName("of several covering licences, the one that lapses first is used")
  void soonestExpiringFirst() {
    Licence later = licence(Set.of("Dy"), "OXIDE", "DE", "1000", "0", "2027-09-30", LicenceStatus.ACTIVE);
    Licence sooner = licence(Set.of("Dy"), "OXIDE", "DE", "1000", "0", "2027-03-31", LicenceStatus.ACTIVE);
    Determination d = Determiner.determine(query(Set.of("Dy"), "OXIDE", "DE", "CIVIL", "100", "2026-11-30", 30, 30),
        REGIME, List.of(later, sooner));
    assertThat(d.coveredBy()).isEqualTo(sooner);
  }

  @Test
  @DisplayName("military use of a controlled element to the US is prohibited, however it is licensed")
  void prohibited() {
    Licence licence = licence(Set.of("Dy"), "OXIDE", "US", "1000", "0", "2027-06-30", LicenceStatus.ACTIVE);
    Determination d = Determiner.determine(query(Set.of("Dy"), "OXIDE", "US", "MILITARY", "10", "2026-11-30", 30, 30),
        REGIME, List.of(licence));
    assertThat(d.decision()).isEqualTo(Decision.PROHIBITED);
    assertThat(d.prohibitions()).extracting(Measure::id).contains("MOFCOM-2024-46-ART1", "MOFCOM-2025-61");
  }

  @Test
  @DisplayName("a suspension that lasts the whole horizon protects the supply: no licence needed")
  void suspendedThroughTheHorizon() {
    Determination d = Determiner.determine(query(Set.of("Ho"), "OXIDE", "DE", "CIVIL", null, "2025-12-01", 60, 60),
        REGIME, List.of());
    assertThat(d.decision()).isEqualTo(Decision.NOT_REQUIRED);
  }

  @Test
  @DisplayName("a suspension that ends inside the horizon protects nothing, and the determination names its end")
  void suspensionEndingInsideTheHorizon() {
    Determination d = Determiner.determine(query(Set.of("Ho"), "OXIDE", "DE", "CIVIL", null, "2026-10-01", 60, 60),
        REGIME, List.of());
    assertThat(d.decision()).isEqualTo(Decision.LICENCE_REQUIRED);
    assertThat(d.counting()).extracting(Measure::id).containsExactly("MOFCOM-GAC-2025-57");
    assertThat(d.suspensionsEnding()).containsExactly(
        new SuspensionEnd("MOFCOM-GAC-2025-57", "MOFCOM-GAC-2025-70", LocalDate.parse("2026-11-10")));
  }
}
