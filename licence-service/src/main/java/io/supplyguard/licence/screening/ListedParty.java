package io.supplyguard.licence.screening;

import java.time.LocalDate;
import java.util.List;

/**
 * One entry of one of China's lists.
 *
 * @param id the stored entry's id; null before it is stored
 * @param aliases other names it is known by (screened like its name)
 * @param country ISO 3166 alpha-2 code of its country, or null when not known
 * @param added the first day it is listed
 * @param removed the first day it is no longer listed; null while listed
 * @param announcement the announcement that listed it (e.g. {@code MOFCOM 2026 No. 20}), or null
 * @param source where the entry comes from (a URL or the file it was imported from)
 * @param importId the import that recorded it; null when recorded otherwise (an announcement)
 */
public record ListedParty(Long id, PartyList list, String name, List<String> aliases, String country,
    LocalDate added, LocalDate removed, String announcement, String source, Long importId) {

  public ListedParty {
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
  }

  /** A new entry, not stored yet. */
  public static ListedParty of(PartyList list, String name, List<String> aliases, String country, LocalDate added,
      String announcement, String source) {
    return new ListedParty(null, list, name, aliases, country, added, null, announcement, source, null);
  }

  /** Its name and aliases, the name first. */
  public List<String> names() {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(name), aliases.stream()).toList();
  }

  /** Listed on {@code day}: added on or before it and not removed by then. */
  public boolean listedOn(LocalDate day) {
    return !added.isAfter(day) && (removed == null || removed.isAfter(day));
  }

  /** What identifies the entry on its list: the list and its name's key ({@link NameMatcher#key}). */
  public String key() {
    return list + "|" + NameMatcher.key(name);
  }

  public ListedParty withId(long newId, Long newImportId) {
    return new ListedParty(newId, list, name, aliases, country, added, removed, announcement, source, newImportId);
  }

  public ListedParty removedOn(LocalDate day) {
    return new ListedParty(id, list, name, aliases, country, added, day, announcement, source, importId);
  }

  /** Whether {@code other} says the same of the same entry (aliases in any order; the source aside). */
  public boolean sameAs(ListedParty other) {
    return list == other.list && name.equals(other.name) && java.util.Set.copyOf(aliases).equals(
        java.util.Set.copyOf(other.aliases)) && java.util.Objects.equals(country, other.country)
        && added.equals(other.added) && java.util.Objects.equals(announcement, other.announcement);
  }
}
