package io.supplyguard.licence.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WorkingDaysTest {

  @Test
  @DisplayName("45 working days after Monday 2026-11-30 is Monday 2027-02-01 (docs/buffer-model.md)")
  void reviewPeriodOfTheWorkedExample() {
    assertThat(new WorkingDays(Set.of()).after(LocalDate.parse("2026-11-30"), 45)).isEqualTo("2027-02-01");
  }

  @Test
  @DisplayName("weekends are skipped: one working day after a Friday is the Monday")
  void weekends() {
    WorkingDays calendar = new WorkingDays(Set.of());
    assertThat(calendar.after(LocalDate.parse("2026-12-04"), 1)).isEqualTo("2026-12-07");
    assertThat(calendar.after(LocalDate.parse("2026-12-05"), 1)).isEqualTo("2026-12-07");
    assertThat(calendar.after(LocalDate.parse("2026-12-04"), 0)).isEqualTo("2026-12-04");
  }

  @Test
  @DisplayName("a configured holiday is not a working day and pushes the date out")
  void holidays() {
    WorkingDays calendar = new WorkingDays(Set.of(LocalDate.parse("2027-01-01"), LocalDate.parse("2026-12-31")));
    assertThat(calendar.isWorkingDay(LocalDate.parse("2027-01-01"))).isFalse();
    assertThat(calendar.after(LocalDate.parse("2026-11-30"), 45)).isEqualTo("2027-02-03");
  }
}
