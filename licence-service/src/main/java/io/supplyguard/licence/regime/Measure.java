package io.supplyguard.licence.regime;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A control measure as published, with its scope and the suspensions recorded against it.
 *
 * @param elements the rare-earth elements it covers; empty when it covers items (equipment,
 *     technology) rather than elements
 * @param destinations the destinations it applies to; empty means every destination
 * @param prohibitedEndUses for a prohibition, the end uses it bans; empty means all
 * @param coversAllControlled for a prohibition, whether it reaches every item that is under
 *     a licence requirement on the date, whatever the element
 * @param inForceUntil the last day in force, or null while it has no end
 */
public record Measure(
    String id,
    String issuer,
    String title,
    MeasureKind kind,
    LocalDate issuedOn,
    LocalDate inForceFrom,
    LocalDate inForceUntil,
    Set<String> elements,
    Set<String> forms,
    Set<String> destinations,
    Set<String> prohibitedEndUses,
    boolean coversAllControlled,
    String items,
    String source,
    String confidence,
    List<Suspension> suspensions) {

  public Measure {
    elements = Set.copyOf(elements);
    forms = Set.copyOf(forms);
    destinations = Set.copyOf(destinations);
    prohibitedEndUses = Set.copyOf(prohibitedEndUses);
    suspensions = suspensions.stream().sorted(Comparator.comparing(Suspension::from)).toList();
  }

  public boolean inForceOn(LocalDate date) {
    return !date.isBefore(inForceFrom) && (inForceUntil == null || !date.isAfter(inForceUntil));
  }

  public boolean suspendedOn(LocalDate date) {
    return suspensions.stream().anyMatch(s -> s.covers(date));
  }

  /** In force and not suspended: the measure bites on that date. */
  public boolean appliesOn(LocalDate date) {
    return inForceOn(date) && !suspendedOn(date);
  }

  public boolean covers(String element) {
    return elements.contains(element);
  }

  /** Covers one of the elements in the given form (a measure with no forms covers every form). */
  public boolean covers(java.util.Collection<String> anyOfElements, String form) {
    return anyOfElements.stream().anyMatch(elements::contains) && (forms.isEmpty() || forms.contains(form));
  }

  /** Whether it bites on at least one day of {@code [from, to]}. */
  public boolean appliesDuring(LocalDate from, LocalDate to) {
    LocalDate start = from.isBefore(inForceFrom) ? inForceFrom : from;
    LocalDate end = inForceUntil != null && inForceUntil.isBefore(to) ? inForceUntil : to;
    LocalDate day = start;
    while (!day.isAfter(end)) {
      Optional<LocalDate> suspendedThrough = suspendedThrough(day);
      if (suspendedThrough.isEmpty()) {
        return true;
      }
      day = suspendedThrough.get().plusDays(1);
    }
    return false;
  }

  /**
   * The suspension that shares a day with {@code from..until}, if any: suspensions of one measure
   * never overlap, so an extension starts the day after the suspension it extends ends.
   */
  public Optional<Suspension> suspensionOverlapping(LocalDate from, LocalDate until) {
    return suspensions.stream().filter(existing -> existing.overlaps(from, until)).findFirst();
  }

  /** The same measure with one suspension added or replaced (matched by id). */
  public Measure withSuspension(Suspension suspension) {
    List<Suspension> others = suspensions.stream()
        .filter(s -> suspension.id() == null || !suspension.id().equals(s.id())).toList();
    List<Suspension> all = new java.util.ArrayList<>(others);
    all.add(suspension);
    return new Measure(id, issuer, title, kind, issuedOn, inForceFrom, inForceUntil, elements, forms, destinations,
        prohibitedEndUses, coversAllControlled, items, source, confidence, all);
  }

  /**
   * The last day of the unbroken run of suspension that contains {@code date}: suspensions
   * that overlap or follow one another without a gap (an extension) count as one.
   */
  public Optional<LocalDate> suspendedThrough(LocalDate date) {
    if (!suspendedOn(date)) {
      return Optional.empty();
    }
    LocalDate end = date;
    boolean extended = true;
    while (extended) {
      LocalDate next = end.plusDays(1);
      Optional<LocalDate> further = suspensions.stream().filter(s -> s.covers(next)).map(Suspension::lastDay)
          .max(Comparator.naturalOrder());
      extended = further.isPresent();
      if (extended) {
        end = further.get();
      }
    }
    return Optional.of(end);
  }
}
