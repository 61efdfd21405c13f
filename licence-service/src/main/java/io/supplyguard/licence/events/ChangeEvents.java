package io.supplyguard.licence.events;

import io.supplyguard.licence.check.DenialProbability;
import io.supplyguard.licence.regime.Measure;
import io.supplyguard.licence.regime.RegimeBoundary;
import io.supplyguard.licence.registry.Licence;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

/** The payloads of {@code regime.changed} and {@code licence.changed} (see Addresses). */
public final class ChangeEvents {

  /** What an operator does to the regime; what the calendar brings to it is a {@link RegimeBoundary.Change}. */
  public enum RegimeEdit {
    MEASURE_CREATED, MEASURE_AMENDED, SUSPENSION_ADDED, SUSPENSION_LIFTED, SUSPENSION_RENEWAL_PROBABILITY_SET,
    /** An operator set the denial probability of a destination: no measure, a {@code destination}. */
    DENIAL_PROBABILITY_SET,
    /** An announcement's measures, suspensions and listings, applied as one change ({@link #announcementApplied}). */
    ANNOUNCEMENT_APPLIED,
    /** A list file changed China's lists of parties: no measure, {@code consigneesAffected}. */
    LISTED_PARTIES_IMPORTED
  }

  /** Every value {@code regime.changed}'s {@code change} takes: an operator's edit or a boundary of the calendar. */
  public static final List<String> REGIME_CHANGES = Stream.concat(
      Stream.of(RegimeEdit.values()), Stream.of(RegimeBoundary.Change.values())).map(Enum::name).toList();

  private ChangeEvents() {
  }

  /**
   * An operator's edit of a measure.
   *
   * @param before the measure as it was and {@code after} as it is (either may be null), so that
   *     a change of scope names the elements it left as well as those it reached
   */
  public static JsonObject regimeChanged(RegimeEdit edit, Measure before, Measure after, LocalDate effectiveFrom,
      List<LocalDate> dates, Instant at) {
    return regimeChanged(edit.name(), before, after, effectiveFrom, dates, at);
  }

  /** A boundary the calendar reached: the measure as it is, from the boundary's day. */
  public static JsonObject regimeChanged(RegimeBoundary boundary, Instant at) {
    return regimeChanged(boundary.change().name(), null, boundary.measure(), boundary.day(), List.of(boundary.day()),
        at);
  }

  private static JsonObject regimeChanged(String change, Measure before, Measure after, LocalDate effectiveFrom,
      List<LocalDate> dates, Instant at) {
    Measure any = after != null ? after : before;
    TreeSet<String> elements = new TreeSet<>();
    TreeSet<String> forms = new TreeSet<>();
    for (Measure m : new Measure[] {before, after}) {
      if (m != null) {
        elements.addAll(m.elements());
        forms.addAll(m.forms());
      }
    }
    return new JsonObject()
        .put("changeId", UUID.randomUUID().toString())
        .put("change", change)
        .put("measureId", any.id())
        .put("elements", new JsonArray(List.copyOf(elements)))
        .put("forms", new JsonArray(List.copyOf(forms)))
        // A prohibition of every controlled item reaches positions whatever their elements.
        .put("coversAllControlled", (before != null && before.coversAllControlled())
            || (after != null && after.coversAllControlled()))
        .put("effectiveFrom", effectiveFrom.toString())
        .put("dates", new JsonArray(dates.stream().filter(Objects::nonNull).distinct().sorted()
            .map(LocalDate::toString).toList()))
        .put("at", at.toString());
  }

  /**
   * An announcement applied as one change. Its {@code elements} and {@code forms} are the union
   * of those of the measures it reaches (its new measures, and the measures it suspends, as they
   * are after it), so that exactly the positions any of them reaches are recomputed: {@code forms}
   * is empty (every form) when one of those measures with elements covers every form.
   * {@code coversAllControlled} when any of them has it; {@code consigneesAffected} when it
   * changed the listed parties. {@code measureIds} names the measures; {@code measureId} is absent.
   */
  public static JsonObject announcementApplied(String number, List<Measure> reached, boolean consigneesAffected,
      LocalDate effectiveFrom, List<LocalDate> dates, Instant at) {
    TreeSet<String> elements = new TreeSet<>();
    TreeSet<String> forms = new TreeSet<>();
    boolean everyForm = false;
    boolean all = false;
    for (Measure m : reached) {
      elements.addAll(m.elements());
      forms.addAll(m.forms());
      everyForm |= !m.elements().isEmpty() && m.forms().isEmpty();
      all |= m.coversAllControlled();
    }
    return new JsonObject()
        .put("changeId", UUID.randomUUID().toString())
        .put("change", RegimeEdit.ANNOUNCEMENT_APPLIED.name())
        .put("announcement", number)
        .put("measureIds", new JsonArray(reached.stream().map(Measure::id).distinct().toList()))
        .put("elements", new JsonArray(List.copyOf(elements)))
        .put("forms", everyForm ? new JsonArray() : new JsonArray(List.copyOf(forms)))
        .put("coversAllControlled", all)
        .put("consigneesAffected", consigneesAffected)
        .put("effectiveFrom", effectiveFrom.toString())
        .put("dates", new JsonArray(dates.stream().filter(Objects::nonNull).distinct().sorted()
            .map(LocalDate::toString).toList()))
        .put("at", at.toString());
  }

  /**
   * An operator set the denial probability of a destination: it changes the lead time of every
   * LICENCE_REQUIRED position shipping there, whatever its elements. No measure changed, so
   * {@code measureId} is absent and {@code elements} and {@code forms} are empty; {@code
   * destination} names the positions to recompute.
   *
   * @param previous the probability that applied before (the default when none was entered)
   */
  public static JsonObject denialProbabilitySet(DenialProbability entry, BigDecimal previous, LocalDate effectiveFrom,
      Instant at) {
    return withoutMeasure(new JsonObject()
        .put("destination", entry.country())
        .put("probability", entry.probability())
        .put("previousProbability", previous)
        .put("source", entry.source()), RegimeEdit.DENIAL_PROBABILITY_SET, effectiveFrom, at);
  }

  /**
   * Entries of China's lists were added, updated or removed: every position with a consignee may
   * screen otherwise, whatever its elements ({@code consigneesAffected: true}; no measure, no
   * elements, no destination).
   *
   * @param summary what changed: {@code importId}, {@code source}, {@code lists} and the counts
   */
  public static JsonObject listedPartiesChanged(RegimeEdit edit, JsonObject summary, LocalDate effectiveFrom,
      Instant at) {
    return withoutMeasure(summary.copy().put("consigneesAffected", true), edit, effectiveFrom, at);
  }

  /** A regime change that names no measure, element or form: what the inventory recomputes is in {@code fields}. */
  private static JsonObject withoutMeasure(JsonObject fields, RegimeEdit edit, LocalDate effectiveFrom, Instant at) {
    return fields
        .put("changeId", UUID.randomUUID().toString())
        .put("change", edit.name())
        .put("elements", new JsonArray())
        .put("forms", new JsonArray())
        .put("coversAllControlled", false)
        .put("effectiveFrom", effectiveFrom.toString())
        .put("dates", new JsonArray().add(effectiveFrom.toString()))
        .put("at", at.toString());
  }

  public static JsonObject licenceChanged(String change, Licence licence, Instant at) {
    return new JsonObject()
        .put("changeId", UUID.randomUUID().toString())
        .put("change", change)
        .put("tenantId", licence.tenantId())
        .put("licenceId", licence.id().toString())
        .put("elements", sorted(licence.elements()))
        .put("forms", sorted(licence.forms()))
        .put("destination", licence.destination())
        .put("status", licence.status().name())
        .put("remainingKg", licence.remainingKg())
        .put("validTo", licence.validTo().toString())
        .put("at", at.toString());
  }

  private static JsonArray sorted(Collection<String> values) {
    return new JsonArray(values.stream().sorted().toList());
  }
}
