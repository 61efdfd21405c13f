package io.supplyguard.licence.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Which status changes a licence's owner may ask for, and on which days. */
class LicenceStatusChangeTest {
  private static final LocalDate VALID_TO = LocalDate.parse("2026-12-31");

  @Test
  @DisplayName("a SUSPENDED licence becomes ACTIVE again up to its validTo, not the day after")
  void activeOnlyWithinValidity() {
    Licence suspended = licence(LicenceStatus.SUSPENDED);
    assertThat(suspended.refusesBecoming(LicenceStatus.ACTIVE, VALID_TO)).isEmpty();
    assertThat(suspended.refusesBecoming(LicenceStatus.ACTIVE, VALID_TO.plusDays(1)))
        .contains(StatusRefusal.PAST_VALID_TO);
  }

  @Test
  @DisplayName("an APPLIED licence granted after its validTo is refused: it would be ACTIVE with no cover")
  void grantedTooLate() {
    assertThat(licence(LicenceStatus.APPLIED).refusesBecoming(LicenceStatus.ACTIVE, VALID_TO.plusDays(3)))
        .contains(StatusRefusal.PAST_VALID_TO);
  }

  @Test
  @DisplayName("past validTo a licence may still be suspended, revoked or denied: only ACTIVE claims a cover")
  void otherStatusesPastValidity() {
    LocalDate late = VALID_TO.plusDays(10);
    assertThat(licence(LicenceStatus.ACTIVE).refusesBecoming(LicenceStatus.SUSPENDED, late)).isEmpty();
    assertThat(licence(LicenceStatus.ACTIVE).refusesBecoming(LicenceStatus.REVOKED, late)).isEmpty();
    assertThat(licence(LicenceStatus.APPLIED).refusesBecoming(LicenceStatus.DENIED, late)).isEmpty();
  }

  @Test
  @DisplayName("a step the lifecycle does not have is refused as such, before any date is looked at")
  void lifecycleFirst() {
    assertThat(licence(LicenceStatus.REVOKED).refusesBecoming(LicenceStatus.ACTIVE, VALID_TO.plusDays(1)))
        .contains(StatusRefusal.NOT_ALLOWED_FROM);
    assertThat(licence(LicenceStatus.ACTIVE).refusesBecoming(LicenceStatus.ACTIVE, VALID_TO))
        .contains(StatusRefusal.NOT_ALLOWED_FROM);
  }

  @Test
  @DisplayName("Decree 792: an individual licence runs at most a year, a general one three; a year when unsaid")
  void validityByType() {
    LocalDate from = LocalDate.parse("2026-03-01");
    assertThat(LicenceType.defaultValidTo(from)).isEqualTo("2027-02-28");
    assertThat(LicenceType.INDIVIDUAL.allowsValidity(from, LocalDate.parse("2027-02-28"))).isTrue();
    assertThat(LicenceType.INDIVIDUAL.allowsValidity(from, LocalDate.parse("2027-03-01"))).isFalse();
    assertThat(LicenceType.GENERAL.allowsValidity(from, LocalDate.parse("2029-02-28"))).isTrue();
    assertThat(LicenceType.GENERAL.allowsValidity(from, LocalDate.parse("2029-03-01"))).isFalse();
    assertThat(LicenceType.GENERAL.registeredAs()).isEqualTo(LicenceStatus.ACTIVE);
    assertThat(LicenceType.INDIVIDUAL.registeredAs()).isEqualTo(LicenceStatus.APPLIED);
  }

  private static Licence licence(LicenceStatus status) {
    Instant at = Instant.parse("2026-01-01T00:00:00Z");
    return new Licence(UUID.randomUUID(), "t", LicenceType.GENERAL, "JL Mag", null, Set.of("Dy"), Set.of("MAGNET"),
        BigDecimal.TEN, BigDecimal.ZERO, LocalDate.parse("2026-01-01"), VALID_TO, "DE", "CIVIL", status, null,
        LocalDate.parse("2025-12-01"), null, at, at);
  }
}
