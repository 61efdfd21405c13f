package io.supplyguard.licence.screening;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks one listing (an entry to add to a list) before anything is stored: what an import file's
 * line and an announcement's {@code listings[i]} must hold. Pure: the caller names where the
 * fields came from (a line of a file, a path in a request body).
 */
public final class ListingValidator {
  public static final int MAX_NAME = 500;
  public static final int MAX_ALIASES = 50;
  public static final int MAX_ANNOUNCEMENT = 200;
  public static final int MAX_SOURCE = 2000;
  private static final LocalDate EARLIEST = LocalDate.of(1949, 10, 1);

  private ListingValidator() {
  }

  /** Every field error of {@code entry}; empty when it may be stored. Field names: list, name, aliases[i], country, added, announcement, source. */
  public static List<ListingError> validate(ListedParty entry) {
    List<ListingError> errors = new ArrayList<>();
    if (entry.list() == null) {
      errors.add(new ListingError("list", "must be one of CONTROL_LIST, WATCH_LIST, UNRELIABLE_ENTITY_LIST"));
    }
    name(errors, "name", entry.name());
    if (entry.aliases().size() > MAX_ALIASES) {
      errors.add(new ListingError("aliases", "must be at most " + MAX_ALIASES + " names"));
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < entry.aliases().size(); i++) {
      String alias = entry.aliases().get(i);
      name(errors, "aliases[" + i + "]", alias);
      if (alias != null && !seen.add(alias)) {
        errors.add(new ListingError("aliases[" + i + "]", "repeats an alias"));
      }
    }
    if (entry.country() != null && !entry.country().matches("[A-Z]{2}")) {
      errors.add(new ListingError("country", "must be an ISO 3166 alpha-2 code in upper case"));
    }
    if (entry.added() == null) {
      errors.add(new ListingError("added", "must be a date (YYYY-MM-DD)"));
    } else if (entry.added().isBefore(EARLIEST) || entry.added().getYear() > 9999) {
      errors.add(new ListingError("added", "must be a date after " + EARLIEST));
    }
    if (entry.removed() != null && entry.added() != null && entry.removed().isBefore(entry.added())) {
      errors.add(new ListingError("removed", "must not be before added"));
    }
    if (entry.announcement() != null && (entry.announcement().isBlank()
        || entry.announcement().length() > MAX_ANNOUNCEMENT)) {
      errors.add(new ListingError("announcement", "must be a non-blank text of at most " + MAX_ANNOUNCEMENT
          + " characters when given"));
    }
    if (entry.source() == null || entry.source().isBlank() || entry.source().length() > MAX_SOURCE) {
      errors.add(new ListingError("source", "must be a non-blank text of at most " + MAX_SOURCE + " characters"));
    }
    return errors;
  }

  private static void name(List<ListingError> errors, String field, String name) {
    if (name == null || name.isBlank()) {
      errors.add(new ListingError(field, "must be a non-blank name"));
    } else if (name.length() > MAX_NAME) {
      errors.add(new ListingError(field, "must be at most " + MAX_NAME + " characters"));
    } else if (NameMatcher.words(name).isEmpty()) {
      errors.add(new ListingError(field, "must contain a letter or a digit"));
    }
  }
}
