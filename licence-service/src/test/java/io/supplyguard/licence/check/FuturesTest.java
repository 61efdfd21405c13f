package io.supplyguard.licence.check;

import static io.supplyguard.licence.regime.Seed2025.day;
import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.licence.regime.Measure;
import io.supplyguard.licence.regime.MeasureKind;
import io.supplyguard.licence.regime.Seed2025;
import io.supplyguard.licence.regime.Suspension;
import io.supplyguard.licence.registry.Licence;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The futures of a supply on the worked example's setting (buffer model v2): D = 2026-11-30,
 * L = 30, R = 0, so the horizon is 2026-11-30 to 2026-12-30, and a licence requirement counts
 * only because a suspension of it ends inside the horizon.
 */
class FuturesTest {
  private static final SupplyQuery ERBIUM = query(Set.of("Er"));

  private static SupplyQuery query(Set<String> elements) {
    return new SupplyQuery(elements, "OXIDE", "DE", "CIVIL", new BigDecimal("300"), day("2026-11-30"), 30, 30);
  }

  private static Suspension suspension(long id, String reference, String until, String q) {
    return new Suspension(id, reference, day("2026-01-01"), day("2026-01-01"), day(until), null, "test",
        new BigDecimal(q), "test note");
  }

  private static Measure requirement(String id, String element, Suspension... suspensions) {
    return Seed2025.measure(id, MeasureKind.LICENCE_REQUIRED, "2025-06-01", Set.of(element), Set.of("OXIDE"),
        Set.of(), Set.of(), false, suspensions);
  }

  private static Futures futures(SupplyQuery query, List<Measure> regime) {
    Determination plain = Determiner.determine(query, regime, List.of());
    return Futures.of(plain, new Futures.Regimes(regime), List.<Licence>of());
  }

  private static List<String> weights(Futures f) {
    return f.futures().stream().map(x -> x.weight().toPlainString()).toList();
  }

  private static List<Decision> decisions(Futures f) {
    return f.futures().stream().map(x -> x.determination().decision()).toList();
  }

  private static List<List<Boolean>> extended(Futures f) {
    return f.futures().stream().map(x -> x.choices().stream().map(SupplyFuture.Choice::extended).toList()).toList();
  }

  @Test
  @DisplayName("one suspension at q = 0.6: ends as announced 0.4 LICENCE_REQUIRED first, then extended 0.6 NOT_REQUIRED")
  void oneSuspension() {
    List<Measure> regime = List.of(requirement("TEST-ER", "Er", suspension(1, "S-ER", "2026-12-10", "0.6")));
    Determination plain = Determiner.determine(ERBIUM, regime, List.of());
    assertThat(plain.decision()).isEqualTo(Decision.LICENCE_REQUIRED);

    Futures f = Futures.of(plain, new Futures.Regimes(regime), List.of());
    assertThat(weights(f)).containsExactly("0.4", "0.6");
    assertThat(decisions(f)).containsExactly(Decision.LICENCE_REQUIRED, Decision.NOT_REQUIRED);
    assertThat(extended(f)).containsExactly(List.of(false), List.of(true));
    assertThat(f.futures().get(0).determination()).isSameAs(plain);
    assertThat(f.futures().get(1).choices().get(0).suspension().suspension().id()).isEqualTo(1L);
    assertThat(f.futures().get(1).determination().counting()).isEmpty();
    assertThat(f.notSplit()).isEmpty();
  }

  @Test
  @DisplayName("two suspensions at 0.3 and 0.5 give four futures with product weights 0.35, 0.35, 0.15, 0.15")
  void twoSuspensions() {
    List<Measure> regime = List.of(
        requirement("TEST-ER", "Er", suspension(1, "S-ER", "2026-12-10", "0.3")),
        requirement("TEST-YB", "Yb", suspension(2, "S-YB", "2026-12-20", "0.5")));
    Futures f = futures(query(Set.of("Er", "Yb")), regime);
    // By last day (S-ER, then S-YB); the first varies slowest, "ends" before "extended".
    assertThat(extended(f)).containsExactly(List.of(false, false), List.of(false, true), List.of(true, false),
        List.of(true, true));
    assertThat(weights(f)).containsExactly("0.35", "0.35", "0.15", "0.15");
    assertThat(decisions(f)).containsExactly(Decision.LICENCE_REQUIRED, Decision.LICENCE_REQUIRED,
        Decision.LICENCE_REQUIRED, Decision.NOT_REQUIRED);
    assertThat(f.futures().get(1).determination().countingElements()).containsExactly("Er");
    assertThat(f.futures().get(2).determination().countingElements()).containsExactly("Yb");
    assertThat(f.futures().stream().map(SupplyFuture::weight).reduce(BigDecimal.ZERO, BigDecimal::add))
        .isEqualByComparingTo("1");
  }

  @Test
  @DisplayName("q = 0 gives one future, the plain determination; q = 1 one future, the determination with the suspension extended")
  void certainSuspensions() {
    List<Measure> never = List.of(requirement("TEST-ER", "Er", suspension(1, "S-ER", "2026-12-10", "0")));
    Determination plain = Determiner.determine(ERBIUM, never, List.of());
    Futures f0 = Futures.of(plain, new Futures.Regimes(never), List.of());
    assertThat(weights(f0)).containsExactly("1");
    assertThat(f0.futures().get(0).determination()).isSameAs(plain);
    assertThat(extended(f0)).containsExactly(List.of(false));

    List<Measure> surely = List.of(requirement("TEST-ER", "Er", suspension(1, "S-ER", "2026-12-10", "1")));
    Futures f1 = futures(ERBIUM, surely);
    assertThat(weights(f1)).containsExactly("1");
    assertThat(extended(f1)).containsExactly(List.of(true));
    Determination extendedPlain = Determiner.determine(ERBIUM, Scenario.regime(surely,
        List.of(new ScenarioChange.SuspensionExtended("S-ER", day("2027-12-31")))), List.of());
    assertThat(f1.futures().get(0).determination().decision()).isEqualTo(extendedPlain.decision())
        .isEqualTo(Decision.NOT_REQUIRED);
  }

  @Test
  @DisplayName("a supply no suspension makes uncertain has one future of weight 1, its own determination, at no cost")
  void nothingUncertain() {
    Determination plain = Determiner.determine(query(Set.of("Dy")), Seed2025.measures(), List.of());
    Futures f = Futures.of(plain, new Futures.Regimes(Seed2025.measures()), List.of());
    assertThat(f.futures()).hasSize(1);
    assertThat(f.futures().get(0).weight()).isEqualTo(BigDecimal.ONE);
    assertThat(f.futures().get(0).determination()).isSameAs(plain);
    assertThat(f.futures().get(0).choices()).isEmpty();
  }

  @Test
  @DisplayName("every future is decided by the same rules: a covering licence covers where the requirement counts")
  void coveredFutures() {
    List<Measure> regime = List.of(requirement("TEST-ER", "Er", suspension(1, "S-ER", "2026-12-10", "0.25")));
    Licence licence = new Licence(java.util.UUID.randomUUID(), "t1", io.supplyguard.licence.registry.LicenceType.GENERAL,
        "X", null, Set.of("Er"), Set.of("OXIDE"), new BigDecimal("1000"), BigDecimal.ZERO, day("2026-01-01"),
        day("2027-06-30"), "DE", "CIVIL", io.supplyguard.licence.registry.LicenceStatus.ACTIVE, null,
        day("2026-01-01"), null, null, null);
    Determination plain = Determiner.determine(ERBIUM, regime, List.of(licence));
    Futures f = Futures.of(plain, new Futures.Regimes(regime), List.of(licence));
    assertThat(weights(f)).containsExactly("0.75", "0.25");
    assertThat(decisions(f)).containsExactly(Decision.COVERED, Decision.NOT_REQUIRED);
    assertThat(f.futures().get(0).determination().coveredBy()).isEqualTo(licence);
  }

  @Test
  @DisplayName("at most 6 suspensions split (64 futures); the latest others are taken to end as announced")
  void boundedSplits() {
    List<Measure> regime = new ArrayList<>();
    String[] elements = {"Er", "Yb", "Ho", "Tm", "Eu", "Lu", "Gd"};
    for (int i = 0; i < elements.length; i++) {
      regime.add(requirement("TEST-" + i, elements[i], suspension(i + 1, "S-" + i, "2026-12-1" + (7 - i), "0.5")));
    }
    Futures f = futures(query(Set.of(elements)), regime);
    assertThat(f.futures()).hasSize(64);
    assertThat(f.uncertain()).hasSize(7);
    // S-6 ends first (2026-12-11), S-0 last (2026-12-17): S-0 is left out.
    assertThat(f.notSplit()).extracting(u -> u.suspension().reference()).containsExactly("S-0");
    assertThat(f.futures()).allSatisfy(x -> {
      assertThat(x.weight()).isEqualByComparingTo("0.015625");
      assertThat(x.choices()).hasSize(7);
      assertThat(x.choices().get(6).extended()).isFalse();
    });
    assertThat(f.futures().get(0).choices()).noneMatch(SupplyFuture.Choice::extended);
    assertThat(f.futures().get(63).determination().countingElements()).containsExactly("Er");
  }

  @Test
  @DisplayName("the regimes of the futures are built once and shared by every supply that needs them")
  void sharedRegimes() {
    List<Measure> regime = List.of(requirement("TEST-ER", "Er", suspension(1, "S-ER", "2026-12-10", "0.6")));
    Futures.Regimes regimes = new Futures.Regimes(regime);
    Determination a = Determiner.determine(ERBIUM, regime, List.of());
    Determination b = Determiner.determine(new SupplyQuery(Set.of("Er"), "OXIDE", "FR", "CIVIL", null,
        day("2026-11-30"), 20, 20), regime, List.of());
    List<UncertainSuspension> uncertain = regimes.uncertain(a.suspensionsEnding());
    assertThat(regimes.extending(uncertain)).isSameAs(regimes.extending(regimes.uncertain(b.suspensionsEnding())));
    assertThat(Futures.of(b, regimes, List.of()).futures()).hasSize(2);
  }

  @Test
  @DisplayName("a scenario may give a suspension a renewal probability, by reference or by id")
  void scenarioRenewal() {
    List<Measure> regime = List.of(requirement("TEST-ER", "Er", suspension(1, "S-ER", "2026-12-10", "0")));
    List<Measure> byReference = Scenario.regime(regime, List.of(
        new ScenarioChange.RenewalProbability(null, null, "S-ER", new BigDecimal("0.6"))));
    List<Measure> byId = Scenario.regime(regime, List.of(
        new ScenarioChange.RenewalProbability("TEST-ER", 1L, null, new BigDecimal("0.6"))));
    assertThat(weights(futures(ERBIUM, regime))).containsExactly("1");
    assertThat(weights(futures(ERBIUM, byReference))).containsExactly("0.4", "0.6");
    assertThat(weights(futures(ERBIUM, byId))).containsExactly("0.4", "0.6");
    assertThat(regime.get(0).suspensions().get(0).renewalProbability()).isEqualByComparingTo("0");
  }
}
