package io.supplyguard.licence.regime;

import java.time.LocalDate;

/** A change the calendar itself brings to the regime on {@code day}. */
public record RegimeBoundary(LocalDate day, Change change, Measure measure, String reference) {

  /** What changes. */
  public enum Change {
    MEASURE_IN_FORCE, MEASURE_ENDED, SUSPENSION_STARTED, SUSPENSION_ENDED
  }
}
