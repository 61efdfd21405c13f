package io.supplyguard.licence.api;

import io.supplyguard.licence.screening.PartyList;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.time.LocalDate;
import java.util.List;

/**
 * Applies the listings of an announcement (entries of China's Control List, Watch List and
 * Unreliable Entity List) inside the announcement's transaction: whatever it writes commits or
 * rolls back with the announcement's measures, suspensions, audit event and published change.
 * A dry run calls it too, in a transaction that is always rolled back, so that it refuses what
 * the real run would refuse and counts what it would add.
 *
 * <p>The registry of listed parties implements it ({@link RegistryListings}).
 */
public interface ListingsWriter {

  /** One entry as the announcement gives it, validated; {@code added} defaults to the announcement's date. */
  record Listing(PartyList list, String name, List<String> aliases, String country, LocalDate added) {

    public JsonObject toJson() {
      return new JsonObject().put("list", list.name()).put("name", name).put("aliases", new JsonArray(aliases))
          .put("country", country).put("added", added.toString());
    }
  }

  /** What applying the entries did: entries new to their list, entries changed, entries already as given. */
  record ListingsResult(int added, int updated, int unchanged) {
    public static final ListingsResult NONE = new ListingsResult(0, 0, 0);

    public JsonObject toJson() {
      return new JsonObject().put("added", added).put("updated", updated).put("unchanged", unchanged);
    }
  }

  /**
   * Applies {@code entries} (never empty) in the transaction {@code tx}; a failed future (a
   * {@code ServiceException} naming {@code listings[i]...} fields) rolls the whole announcement back.
   *
   * @param announcement the announcement's number, to record as the entries' source
   */
  Future<ListingsResult> apply(SqlConnection tx, String announcement, LocalDate issuedOn, List<Listing> entries);
}
