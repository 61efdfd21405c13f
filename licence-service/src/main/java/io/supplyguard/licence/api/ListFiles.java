package io.supplyguard.licence.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.supplyguard.common.bus.FieldError;
import io.supplyguard.licence.screening.ListedParty;
import io.supplyguard.licence.screening.ListingError;
import io.supplyguard.licence.screening.ListingValidator;
import io.supplyguard.licence.screening.PartyList;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a list file into listings, every line checked (docs/api-guide.md, "Listed parties"):
 * CSV with a header line naming its columns, or FollowTheMoney entities as OpenSanctions publishes
 * them (one JSON object a line, or one JSON array). Errors name the line of the file.
 */
final class ListFiles {
  /** The columns a CSV file may have; {@code name} and {@code added} always, {@code list} unless the request gives it. */
  static final List<String> CSV_COLUMNS = List.of("list", "name", "aliases", "country", "added", "announcement",
      "source");
  /** The FollowTheMoney schemata read as parties; entities of others (Sanction, Address...) are skipped. */
  static final Set<String> FTM_SCHEMATA = Set.of("Company", "Organization", "LegalEntity", "Person");
  private static final int MAX_ERRORS = 20;
  private static final JsonFactory JSON = new JsonFactory();

  enum Format { CSV, FTM }

  /** The listings of a file, one per list and name, the entities skipped, and the errors by line. */
  record Parsed(List<ListedParty> listings, int skipped, List<FieldError> errors) {
  }

  private ListFiles() {
  }

  /**
   * @param list the list every entry is on, or null when the file says (CSV {@code list}, FtM {@code program})
   * @param source the file's source: an entry's own when it names none
   */
  static Parsed parse(Format format, String content, PartyList list, String source) {
    Reader reader = new Reader(list, source);
    if (format == Format.CSV) {
      reader.csv(content);
    } else {
      reader.ftm(content);
    }
    if (reader.listings.isEmpty() && reader.errors.isEmpty()) {
      reader.errors.add(new FieldError("content", "has no entries"));
    }
    return new Parsed(reader.listings, reader.skipped, reader.errors.size() > MAX_ERRORS
        ? reader.errors.subList(0, MAX_ERRORS) : reader.errors);
  }

  private static final class Reader {
    final PartyList list;
    final String source;
    final List<ListedParty> listings = new ArrayList<>();
    final List<FieldError> errors = new ArrayList<>();
    final Map<String, Integer> lineOfKey = new HashMap<>();
    int skipped;

    Reader(PartyList list, String source) {
      this.list = list;
      this.source = source;
    }

    void error(int line, String message) {
      errors.add(new FieldError("content", "line " + line + ": " + message));
    }

    void csv(String content) {
      String[] lines = content.split("\r?\n", -1);
      List<String> header = null;
      for (int i = 0; i < lines.length; i++) {
        int line = i + 1;
        if (lines[i].isBlank()) {
          continue;
        }
        List<String> cells = cells(lines[i], line);
        if (cells == null) {
          continue;
        }
        if (header == null) {
          header = cells.stream().map(c -> c.trim().toLowerCase(Locale.ROOT)).toList();
          for (String column : header) {
            if (!CSV_COLUMNS.contains(column)) {
              error(line, "unknown column " + column + " (the columns are " + String.join(",", CSV_COLUMNS) + ")");
            }
          }
          for (String column : list == null ? List.of("list", "name", "added") : List.of("name", "added")) {
            if (!header.contains(column)) {
              error(line, "the header names no " + column + " column");
            }
          }
          if (new LinkedHashSet<>(header).size() != header.size()) {
            error(line, "the header names a column twice");
          }
          if (!errors.isEmpty()) {
            return;
          }
          continue;
        }
        if (cells.size() != header.size()) {
          error(line, "has " + cells.size() + " fields, the header " + header.size());
          continue;
        }
        Map<String, String> row = new HashMap<>();
        for (int c = 0; c < header.size(); c++) {
          String value = cells.get(c).trim();
          row.put(header.get(c), value.isEmpty() ? null : value);
        }
        List<String> aliases = row.get("aliases") == null ? List.of()
            : Arrays.stream(row.get("aliases").split(";")).map(String::trim).filter(a -> !a.isEmpty()).toList();
        add(line, row.get("list"), row.get("name"), aliases, row.get("country"), row.get("added"),
            row.get("announcement"), row.get("source"));
      }
      if (header == null) {
        errors.add(new FieldError("content", "has no header line"));
      }
    }

    /** The fields of one CSV line (RFC 4180 quoting: "a, b" and "" for a quote); null when it is malformed. */
    private List<String> cells(String text, int line) {
      List<String> cells = new ArrayList<>();
      StringBuilder cell = new StringBuilder();
      boolean quoted = false;
      boolean wasQuoted = false;
      for (int i = 0; i < text.length(); i++) {
        char ch = text.charAt(i);
        if (quoted) {
          if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
            cell.append('"');
            i++;
          } else if (ch == '"') {
            quoted = false;
          } else {
            cell.append(ch);
          }
        } else if (ch == '"' && cell.toString().isBlank() && !wasQuoted) {
          quoted = true;
          wasQuoted = true;
          cell.setLength(0);
        } else if (ch == ',') {
          cells.add(cell.toString());
          cell.setLength(0);
          wasQuoted = false;
        } else if (wasQuoted && !Character.isWhitespace(ch)) {
          error(line, "has text after a closing quote");
          return null;
        } else {
          cell.append(ch);
        }
      }
      if (quoted) {
        error(line, "has a quote that is not closed (a field cannot span lines)");
        return null;
      }
      cells.add(cell.toString());
      return cells;
    }

    void ftm(String content) {
      String trimmed = content.stripLeading();
      if (trimmed.startsWith("[")) {
        ftmArray(content);
        return;
      }
      String[] lines = content.split("\r?\n", -1);
      for (int i = 0; i < lines.length; i++) {
        if (lines[i].isBlank()) {
          continue;
        }
        try {
          entity(i + 1, new JsonObject(lines[i]));
        } catch (DecodeException | ClassCastException e) {
          error(i + 1, "is not a JSON object (one FollowTheMoney entity a line, or one JSON array of them)");
        }
      }
    }

    /** An array of entities: each is read from the line its object starts on, which errors name. */
    private void ftmArray(String content) {
      try (JsonParser parser = JSON.createParser(content)) {
        parser.nextToken();
        while (true) {
          JsonToken token = parser.nextToken();
          if (token == JsonToken.END_ARRAY || token == null) {
            break;
          }
          int line = parser.currentTokenLocation().getLineNr();
          if (token != JsonToken.START_OBJECT) {
            error(line, "is not a JSON object (an entity)");
            parser.skipChildren();
            continue;
          }
          int start = (int) parser.currentTokenLocation().getCharOffset();
          parser.skipChildren();
          int end = (int) parser.currentLocation().getCharOffset();
          entity(line, new JsonObject(content.substring(start, end)));
        }
      } catch (IOException | DecodeException e) {
        errors.add(new FieldError("content", "is not valid JSON: " + firstLine(e.getMessage())));
      }
    }

    /**
     * One FollowTheMoney entity: {@code schema}; {@code properties.name[]} (the first its name, the
     * others aliases) and {@code properties.alias[]}; {@code properties.country[0]};
     * {@code properties.program[]} for the list (unless the request gives it);
     * {@code properties.startDate[0]}, else {@code first_seen}, for the date added;
     * {@code properties.sourceUrl[0]} for its source. Every other field is ignored.
     */
    private void entity(int line, JsonObject entity) {
      String schema = entity.getValue("schema") instanceof String s ? s : null;
      if (schema == null) {
        error(line, "schema must be a FollowTheMoney schema name");
        return;
      }
      if (!FTM_SCHEMATA.contains(schema)) {
        skipped++;
        return;
      }
      JsonObject properties = entity.getValue("properties") instanceof JsonObject p ? p : new JsonObject();
      List<String> names = strings(properties, "name");
      if (names.isEmpty()) {
        error(line, "properties.name must hold at least one name");
        return;
      }
      List<String> aliases = new ArrayList<>(names.subList(1, names.size()));
      strings(properties, "alias").stream().filter(a -> !aliases.contains(a) && !a.equals(names.get(0)))
          .forEach(aliases::add);
      String country = strings(properties, "country").stream().findFirst().map(c -> c.toUpperCase(Locale.ROOT))
          .filter(c -> c.matches("[A-Z]{2}")).orElse(null);
      String listName = list != null ? list.name() : programList(strings(properties, "program"));
      if (listName == null) {
        error(line, "properties.program names none of China's lists (Control List, Watch List, Unreliable Entity "
            + "List): give list in the request");
        return;
      }
      String added = strings(properties, "startDate").stream().findFirst()
          .orElse(entity.getValue("first_seen") instanceof String s ? s : null);
      if (added != null && added.length() > 10) {
        added = added.substring(0, 10);
      }
      add(line, listName, names.get(0), aliases, country, added, null,
          strings(properties, "sourceUrl").stream().findFirst().orElse(null));
    }

    private void add(int line, String listName, String name, List<String> aliases, String country, String added,
        String announcement, String entrySource) {
      PartyList onList = list;
      if (listName != null) {
        try {
          onList = PartyList.valueOf(listName.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          error(line, "list must be one of CONTROL_LIST, WATCH_LIST, UNRELIABLE_ENTITY_LIST");
          return;
        }
        if (list != null && onList != list) {
          error(line, "list is " + onList + ", but the request imports " + list);
          return;
        }
      }
      LocalDate day = null;
      if (added != null) {
        try {
          day = LocalDate.parse(added);
        } catch (DateTimeParseException e) {
          error(line, "added must be a date (YYYY-MM-DD)");
          return;
        }
      }
      ListedParty listing = ListedParty.of(onList, name, aliases, country, day, announcement,
          entrySource != null ? entrySource : source);
      List<ListingError> invalid = ListingValidator.validate(listing);
      if (!invalid.isEmpty()) {
        invalid.forEach(e -> error(line, e.field() + " " + e.message()));
        return;
      }
      Integer before = lineOfKey.putIfAbsent(listing.key(), line);
      if (before != null) {
        error(line, "repeats the entry of line " + before + " (the same list and name)");
        return;
      }
      listings.add(listing);
    }
  }

  /** The list a FollowTheMoney {@code program} names. */
  static String programList(List<String> programs) {
    for (String program : programs) {
      String p = program.toLowerCase(Locale.ROOT);
      if (p.contains("unreliable")) {
        return PartyList.UNRELIABLE_ENTITY_LIST.name();
      }
      if (p.contains("watch")) {
        return PartyList.WATCH_LIST.name();
      }
      if (p.contains("control list") || p.contains("control-list") || p.contains("export control")) {
        return PartyList.CONTROL_LIST.name();
      }
    }
    return null;
  }

  private static List<String> strings(JsonObject properties, String field) {
    Object value = properties.getValue(field);
    if (value instanceof JsonArray array) {
      return array.stream().filter(String.class::isInstance).map(String.class::cast).map(String::trim)
          .filter(s -> !s.isEmpty()).toList();
    }
    return value instanceof String s && !s.isBlank() ? List.of(s.trim()) : List.of();
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }
}
