package io.supplyguard.licence.regime;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The changes a day brings by itself: a measure takes effect or ends, a suspension begins or
 * ends. An extension that follows a suspension without a gap changes nothing, so it is no
 * boundary.
 */
public final class Boundaries {

  private Boundaries() {
  }

  public static List<RegimeBoundary> on(LocalDate day, List<Measure> regime) {
    List<RegimeBoundary> found = new ArrayList<>();
    LocalDate yesterday = day.minusDays(1);
    for (Measure m : regime.stream().sorted(Comparator.comparing(Measure::id)).toList()) {
      if (m.inForceFrom().equals(day)) {
        found.add(new RegimeBoundary(day, RegimeBoundary.Change.MEASURE_IN_FORCE, m, null));
      }
      if (m.inForceUntil() != null && m.inForceUntil().equals(yesterday)) {
        found.add(new RegimeBoundary(day, RegimeBoundary.Change.MEASURE_ENDED, m, null));
      }
      for (Suspension s : m.suspensions()) {
        if (s.lastDay().isBefore(s.from())) {
          continue; // lifted before it began
        }
        if (s.from().equals(day) && !m.suspendedOn(yesterday)) {
          found.add(new RegimeBoundary(day, RegimeBoundary.Change.SUSPENSION_STARTED, m, s.reference()));
        }
        if (s.lastDay().equals(yesterday) && !m.suspendedOn(day)) {
          found.add(new RegimeBoundary(day, RegimeBoundary.Change.SUSPENSION_ENDED, m, s.reference()));
        }
      }
    }
    return found;
  }
}
