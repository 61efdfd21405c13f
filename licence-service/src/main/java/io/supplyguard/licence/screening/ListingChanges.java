package io.supplyguard.licence.screening;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What applying listings to the lists changes, decided before anything is written. An entry is
 * identified by its list and its name's key ({@link ListedParty#key}); only entries listed now
 * (not removed) are compared.
 *
 * @param added listings no entry listed now has: new entries (ids not yet given)
 * @param updated entries listed now that the listing describes otherwise (aliases, country, date
 *     added or announcement): the entry as it will be, with its id
 * @param unchanged entries listed now that the listing describes alike
 * @param removed entries listed now, in the scope of a complete file, that it no longer has: the
 *     entry with its removal date
 */
public record ListingChanges(List<ListedParty> added, List<ListedParty> updated, List<ListedParty> unchanged,
    List<ListedParty> removed) {

  public ListingChanges {
    added = List.copyOf(added);
    updated = List.copyOf(updated);
    unchanged = List.copyOf(unchanged);
    removed = List.copyOf(removed);
  }

  /** Whether anything would be written. */
  public boolean changed() {
    return !added.isEmpty() || !updated.isEmpty() || !removed.isEmpty();
  }

  /**
   * @param current the entries listed now (removed null)
   * @param incoming the listings, one per key
   * @param complete the entries a complete file speaks for: those of them it does not have are
   *     removed on {@code today}; {@code e -> false} for listings that only add (an announcement)
   */
  public static ListingChanges of(List<ListedParty> current, List<ListedParty> incoming,
      Predicate<ListedParty> complete, LocalDate today) {
    Map<String, ListedParty> byKey = new HashMap<>();
    current.forEach(e -> byKey.put(e.key(), e));
    List<ListedParty> added = new ArrayList<>();
    List<ListedParty> updated = new ArrayList<>();
    List<ListedParty> unchanged = new ArrayList<>();
    Map<String, ListedParty> seen = new HashMap<>();
    for (ListedParty listing : incoming) {
      ListedParty stored = byKey.get(listing.key());
      seen.put(listing.key(), listing);
      if (stored == null) {
        added.add(listing);
      } else if (stored.sameAs(listing)) {
        unchanged.add(stored);
      } else {
        updated.add(new ListedParty(stored.id(), stored.list(), listing.name(), listing.aliases(), listing.country(),
            listing.added(), null, listing.announcement(), stored.source(), stored.importId()));
      }
    }
    List<ListedParty> removed = current.stream()
        .filter(e -> !seen.containsKey(e.key()) && complete.test(e))
        .map(e -> e.removedOn(today.isBefore(e.added()) ? e.added() : today))
        .toList();
    return new ListingChanges(added, updated, unchanged, removed);
  }
}
