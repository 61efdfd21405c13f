package io.supplyguard.licence.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** When a licence may be drawn on, and what drawing leaves. */
class LicenceDrawingTest {
  private static final LocalDate DAY = LocalDate.parse("2026-12-01");
  private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

  @Test
  @DisplayName("an ACTIVE licence valid on the day draws up to what remains, and is EXHAUSTED at the cap")
  void drawsUpToTheCap() {
    Licence licence = licence(LicenceStatus.ACTIVE, "10", "4");
    assertThat(licence.refusesDrawing(new BigDecimal("6"), DAY)).isEmpty();
    assertThat(licence.refusesDrawing(new BigDecimal("6.001"), DAY)).contains(DrawRefusal.OVER_THE_CAP);
    Licence some = licence.drawn(new BigDecimal("2.5"), AT);
    assertThat(some.drawnKg()).isEqualByComparingTo("6.5");
    assertThat(some.status()).isEqualTo(LicenceStatus.ACTIVE);
    assertThat(some.updatedAt()).isEqualTo(AT);
    Licence all = some.drawn(new BigDecimal("3.5"), AT);
    assertThat(all.remainingKg()).isEqualByComparingTo("0");
    assertThat(all.status()).isEqualTo(LicenceStatus.EXHAUSTED);
    assertThat(all.refusesDrawing(new BigDecimal("0.001"), DAY)).contains(DrawRefusal.NOT_ACTIVE);
  }

  @Test
  @DisplayName("a licence not ACTIVE, or outside validFrom..validTo on the day, is not drawn on")
  void statusAndValidity() {
    assertThat(licence(LicenceStatus.SUSPENDED, "10", "0").refusesDrawing(BigDecimal.ONE, DAY))
        .contains(DrawRefusal.NOT_ACTIVE);
    assertThat(licence(LicenceStatus.APPLIED, "10", "0").refusesDrawing(BigDecimal.ONE, DAY))
        .contains(DrawRefusal.NOT_ACTIVE);
    Licence active = licence(LicenceStatus.ACTIVE, "10", "0");
    assertThat(active.refusesDrawing(BigDecimal.ONE, LocalDate.parse("2025-12-31")))
        .contains(DrawRefusal.NOT_VALID_ON_THE_DAY);
    assertThat(active.refusesDrawing(BigDecimal.ONE, LocalDate.parse("2027-07-01")))
        .contains(DrawRefusal.NOT_VALID_ON_THE_DAY);
    assertThat(active.refusesDrawing(BigDecimal.ONE, LocalDate.parse("2027-06-30"))).isEmpty();
  }

  private static Licence licence(LicenceStatus status, String capKg, String drawnKg) {
    return new Licence(UUID.randomUUID(), "t", LicenceType.GENERAL, "JL Mag", null, Set.of("Dy"), Set.of("MAGNET"),
        new BigDecimal(capKg), new BigDecimal(drawnKg), LocalDate.parse("2026-01-01"), LocalDate.parse("2027-06-30"),
        "DE", "CIVIL", status, null, LocalDate.parse("2025-12-01"), null, AT, AT);
  }
}
