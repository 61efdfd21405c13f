package io.supplyguard.licence.regime;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The rules that decide an element's restriction state on a date (docs/regime.md, "Restriction
 * state of an element on a date"). Pure: the regime comes in, the state goes out.
 */
public final class RestrictionRules {

  private RestrictionRules() {
  }

  public static ElementStatus stateOf(Element element, List<Measure> regime, LocalDate date) {
    List<Measure> requirements = regime.stream()
        .filter(m -> m.kind() == MeasureKind.LICENCE_REQUIRED)
        .filter(m -> m.covers(element.symbol()) && m.inForceOn(date))
        .sorted(Comparator.comparing(Measure::id))
        .toList();
    RestrictionState state;
    LocalDate suspendedUntil = null;
    if (requirements.isEmpty()) {
      state = RestrictionState.NOT_CONTROLLED;
    } else if (requirements.stream().allMatch(m -> m.suspendedOn(date))) {
      state = RestrictionState.SUSPENDED;
      // The state changes on the day after the first of the suspensions ends.
      suspendedUntil = requirements.stream()
          .map(m -> m.suspendedThrough(date))
          .flatMap(Optional::stream)
          .min(Comparator.naturalOrder())
          .orElseThrow();
    } else {
      state = RestrictionState.LICENCE_REQUIRED;
    }
    boolean controlled = state != RestrictionState.NOT_CONTROLLED;
    List<String> extraterritorial = regime.stream()
        .filter(m -> m.kind() == MeasureKind.EXTRATERRITORIAL)
        .filter(m -> m.covers(element.symbol()) && m.appliesOn(date))
        .map(Measure::id)
        .sorted()
        .toList();
    List<Measure> prohibitions = regime.stream()
        .filter(m -> m.kind() == MeasureKind.PROHIBITION && m.appliesOn(date))
        .filter(m -> m.covers(element.symbol()) || (m.coversAllControlled() && controlled))
        .sorted(Comparator.comparing(Measure::id))
        .toList();
    return new ElementStatus(element, date, state, suspendedUntil,
        requirements.stream().map(Measure::id).toList(), extraterritorial, prohibitions);
  }
}
