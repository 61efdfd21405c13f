package io.supplyguard.licence.regime;

import java.time.LocalDate;

/** A period during which a measure does not apply; {@code until} is the last day suspended. */
public record Suspension(String reference, LocalDate issuedOn, LocalDate from, LocalDate until, String source) {

  public boolean covers(LocalDate date) {
    return !date.isBefore(from) && !date.isAfter(until);
  }
}
