package io.supplyguard.licence.registry;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/** Monday to Friday, less the configured holidays: how MOFCOM's review period is counted. */
public final class WorkingDays {
  private final Set<LocalDate> holidays;

  public WorkingDays(Set<LocalDate> holidays) {
    this.holidays = Set.copyOf(holidays);
  }

  public boolean isWorkingDay(LocalDate day) {
    DayOfWeek weekday = day.getDayOfWeek();
    return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !holidays.contains(day);
  }

  /** The day that is {@code count} working days after {@code start} (start itself not counted). */
  public LocalDate after(LocalDate start, int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative: " + count);
    }
    LocalDate day = start;
    int counted = 0;
    while (counted < count) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        counted++;
      }
    }
    return day;
  }
}
