package io.supplyguard.licence.regime;

import java.time.LocalDate;
import java.util.List;

/**
 * The restriction state of one element on one date and what decided it.
 *
 * @param suspendedUntil the last day of the suspension, when the state is SUSPENDED
 * @param measures the licence requirements covering the element that are in force
 * @param extraterritorial extraterritorial measures covering it that apply on the date
 * @param prohibitions prohibitions reaching it that apply on the date, reported beside the state
 */
public record ElementStatus(
    Element element,
    LocalDate asOf,
    RestrictionState state,
    LocalDate suspendedUntil,
    List<String> measures,
    List<String> extraterritorial,
    List<Measure> prohibitions) {
}
