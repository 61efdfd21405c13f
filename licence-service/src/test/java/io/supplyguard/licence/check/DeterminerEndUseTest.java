package io.supplyguard.licence.check;

import static io.supplyguard.licence.regime.Seed2025.day;
import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.licence.regime.Seed2025;
import io.supplyguard.licence.registry.Licence;
import io.supplyguard.licence.registry.LicenceStatus;
import io.supplyguard.licence.registry.LicenceType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A licence covers a supply only for its own end use (docs/regime.md, "Whether a supply needs a licence"). */
class DeterminerEndUseTest {

  private static SupplyQuery dyOxideToGermany(String endUse) {
    return new SupplyQuery(Set.of("Dy"), "OXIDE", "DE", endUse, new BigDecimal("100"), day("2026-11-30"), 30, 30);
  }

  private static Licence licence(String endUse, String validTo) {
    return new Licence(UUID.randomUUID(), "t1", LicenceType.GENERAL, "JL Mag", null, Set.of("Dy"), Set.of("OXIDE"),
        new BigDecimal("1000"), BigDecimal.ZERO, day("2026-01-01"), day(validTo), "DE", endUse, LicenceStatus.ACTIVE,
        null, day("2026-01-01"), null, null, null);
  }

  @Test
  @DisplayName("an AUTOMOTIVE licence leaves an ELECTRONICS supply LICENCE_REQUIRED and covers an AUTOMOTIVE one")
  void onlyItsOwnEndUse() {
    Licence automotive = licence("AUTOMOTIVE", "2027-06-30");

    Determination electronics = Determiner.determine(dyOxideToGermany("ELECTRONICS"), Seed2025.measures(),
        List.of(automotive));
    Determination sameUse = Determiner.determine(dyOxideToGermany("AUTOMOTIVE"), Seed2025.measures(),
        List.of(automotive));

    assertThat(electronics.decision()).isEqualTo(Decision.LICENCE_REQUIRED);
    assertThat(electronics.coveredBy()).isNull();
    assertThat(sameUse.decision()).isEqualTo(Decision.COVERED);
    assertThat(sameUse.coveredBy()).isEqualTo(automotive);
  }

  @Test
  @DisplayName("of several licences, only those of the supply's end use compete, even when another lapses first")
  void anotherEndUseIsNotChosenFirst() {
    Licence civilSooner = licence("CIVIL", "2027-01-31");
    Licence electronicsLater = licence("ELECTRONICS", "2027-09-30");

    Determination d = Determiner.determine(dyOxideToGermany("ELECTRONICS"), Seed2025.measures(),
        List.of(civilSooner, electronicsLater));

    assertThat(d.decision()).isEqualTo(Decision.COVERED);
    assertThat(d.coveredBy()).isEqualTo(electronicsLater);
    assertThat(Determiner.coveringLicence(dyOxideToGermany("MILITARY"), Set.of("Dy"),
        List.of(civilSooner, electronicsLater))).isEmpty();
  }
}
