package io.supplyguard.licence.screening;

/**
 * A listed party a name matches.
 *
 * @param entry the entry
 * @param matchedName the entry's name or alias the name matched best
 * @param score how alike they are, in [0, 1] (1: the same once normalised)
 */
public record ScreeningMatch(ListedParty entry, String matchedName, double score) {
}
