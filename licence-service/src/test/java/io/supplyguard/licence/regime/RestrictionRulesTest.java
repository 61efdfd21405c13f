package io.supplyguard.licence.regime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class RestrictionRulesTest {
  private static final Element DY = new Element("Dy", "Dysprosium", 66, "MEDIUM_HEAVY", "1C905");
  private static final Element HO = new Element("Ho", "Holmium", 67, "MEDIUM_HEAVY", "1C909");
  private static final Element ND = new Element("Nd", "Neodymium", 60, "LIGHT", null);
  private static final Set<String> FORMS = Set.of("METAL", "OXIDE", "MAGNET");

  private static final Suspension NO_70 = suspension("MOFCOM-GAC-2025-70", "2025-11-07", "2026-11-10");

  private static final List<Measure> REGIME_2025 = List.of(
      licenceRequired("MOFCOM-GAC-2025-18", "2025-04-04", null, Set.of("Sm", "Gd", "Tb", "Dy", "Lu", "Sc", "Y")),
      licenceRequired("MOFCOM-GAC-2025-57", "2025-11-08", null, Set.of("Ho", "Er", "Tm", "Eu", "Yb"), NO_70),
      new Measure("MOFCOM-2025-61", "MOFCOM", "extraterritorial", MeasureKind.EXTRATERRITORIAL,
          date("2025-10-09"), date("2025-10-09"), null, Set.of("Dy", "Ho"), FORMS, Set.of(),
          Set.of("MILITARY"), false, "re-exports", "test", "H", List.of(NO_70)),
      new Measure("MOFCOM-2024-46-ART1", "MOFCOM", "US military ban", MeasureKind.PROHIBITION,
          date("2024-12-03"), date("2024-12-03"), null, Set.of(), Set.of(), Set.of("US"),
          Set.of("MILITARY"), true, "dual-use items", "test", "H", List.of()));

  @DisplayName("the regime seeded in 2025 gives the states of docs/regime.md")
  @ParameterizedTest(name = "{0} on {1} is {2} {3}")
  @CsvFileSource(resources = "/regime/expected-states.csv")
  void regimeTable(String symbol, String asOf, RestrictionState expected, String suspendedUntil) {
    Element element = switch (symbol) {
      case "Dy" -> DY;
      case "Ho" -> HO;
      default -> ND;
    };
    ElementStatus status = RestrictionRules.stateOf(element, REGIME_2025, date(asOf));
    assertThat(status.state()).isEqualTo(expected);
    assertThat(status.suspendedUntil()).isEqualTo(suspendedUntil == null ? null : date(suspendedUntil));
  }

  @Test
  @DisplayName("a measure issued but not yet in force does not control the element")
  void notYetInForce() {
    ElementStatus status = RestrictionRules.stateOf(HO, REGIME_2025, date("2025-11-07"));
    assertThat(status.state()).isEqualTo(RestrictionState.NOT_CONTROLLED);
    assertThat(status.measures()).isEmpty();
  }

  @Test
  @DisplayName("an extension that follows a suspension without a gap moves the end of the state")
  void extensionJoinsTheSuspension() {
    Measure extended = licenceRequired("M", "2025-01-01", null, Set.of("Ho"),
        suspension("first", "2025-11-07", "2026-11-10"), suspension("extension", "2026-11-11", "2027-11-10"));
    ElementStatus status = RestrictionRules.stateOf(HO, List.of(extended), date("2026-06-01"));
    assertThat(status.state()).isEqualTo(RestrictionState.SUSPENDED);
    assertThat(status.suspendedUntil()).isEqualTo(date("2027-11-10"));
  }

  @Test
  @DisplayName("a suspension separated by a gap does not extend the first one")
  void gapEndsTheSuspension() {
    Measure gapped = licenceRequired("M", "2025-01-01", null, Set.of("Ho"),
        suspension("first", "2025-11-07", "2026-11-10"), suspension("later", "2026-12-01", "2027-11-10"));
    assertThat(RestrictionRules.stateOf(HO, List.of(gapped), date("2026-06-01")).suspendedUntil())
        .isEqualTo(date("2026-11-10"));
    assertThat(RestrictionRules.stateOf(HO, List.of(gapped), date("2026-11-20")).state())
        .isEqualTo(RestrictionState.LICENCE_REQUIRED);
  }

  @Test
  @DisplayName("one unsuspended requirement is enough for LICENCE_REQUIRED")
  void oneUnsuspendedRequirementWins() {
    List<Measure> regime = List.of(
        licenceRequired("A", "2025-01-01", null, Set.of("Ho"), suspension("s", "2025-01-01", "2027-01-01")),
        licenceRequired("B", "2025-06-01", null, Set.of("Ho")));
    ElementStatus status = RestrictionRules.stateOf(HO, regime, date("2025-07-01"));
    assertThat(status.state()).isEqualTo(RestrictionState.LICENCE_REQUIRED);
    assertThat(status.measures()).containsExactly("A", "B");
  }

  @Test
  @DisplayName("when several requirements are suspended, the state ends with the first suspension to end")
  void earliestSuspensionEndDecides() {
    List<Measure> regime = List.of(
        licenceRequired("A", "2025-01-01", null, Set.of("Ho"), suspension("s1", "2025-01-01", "2027-01-01")),
        licenceRequired("B", "2025-01-01", null, Set.of("Ho"), suspension("s2", "2025-01-01", "2026-03-31")));
    assertThat(RestrictionRules.stateOf(HO, regime, date("2025-07-01")).suspendedUntil()).isEqualTo(date("2026-03-31"));
  }

  @Test
  @DisplayName("a measure whose force has ended no longer controls the element")
  void measureThatEnded() {
    Measure ended = licenceRequired("A", "2025-01-01", "2025-12-31", Set.of("Ho"));
    assertThat(RestrictionRules.stateOf(HO, List.of(ended), date("2025-12-31")).state())
        .isEqualTo(RestrictionState.LICENCE_REQUIRED);
    assertThat(RestrictionRules.stateOf(HO, List.of(ended), date("2026-01-01")).state())
        .isEqualTo(RestrictionState.NOT_CONTROLLED);
  }

  @Test
  @DisplayName("a prohibition of all controlled items is reported beside the state, only once the element is controlled")
  void prohibitionsBesideTheState() {
    assertThat(RestrictionRules.stateOf(DY, REGIME_2025, date("2025-03-01")).prohibitions()).isEmpty();
    ElementStatus controlled = RestrictionRules.stateOf(DY, REGIME_2025, date("2025-04-10"));
    assertThat(controlled.state()).isEqualTo(RestrictionState.LICENCE_REQUIRED);
    assertThat(controlled.prohibitions()).extracting(Measure::id).containsExactly("MOFCOM-2024-46-ART1");
    assertThat(RestrictionRules.stateOf(ND, REGIME_2025, date("2025-04-10")).prohibitions()).isEmpty();
  }

  @Test
  @DisplayName("an extraterritorial measure is reported only while it applies, never as the state")
  void extraterritorialBesideTheState() {
    ElementStatus before = RestrictionRules.stateOf(HO, REGIME_2025, date("2025-10-20"));
    assertThat(before.state()).isEqualTo(RestrictionState.NOT_CONTROLLED);
    assertThat(before.extraterritorial()).containsExactly("MOFCOM-2025-61");
    assertThat(RestrictionRules.stateOf(HO, REGIME_2025, date("2025-11-20")).extraterritorial()).isEmpty();
  }

  private static Measure licenceRequired(String id, String from, String until, Set<String> elements,
      Suspension... suspensions) {
    return new Measure(id, "MOFCOM", id, MeasureKind.LICENCE_REQUIRED, date(from), date(from),
        until == null ? null : date(until), elements, FORMS, Set.of(), Set.of(), false, "items", "test", "H",
        List.of(suspensions));
  }

  private static Suspension suspension(String reference, String from, String until) {
    return new Suspension(reference, date(from), date(from), date(until), "test");
  }

  private static LocalDate date(String text) {
    return LocalDate.parse(text);
  }
}
