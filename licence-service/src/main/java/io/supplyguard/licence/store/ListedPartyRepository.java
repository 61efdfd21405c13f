package io.supplyguard.licence.store;

import io.supplyguard.common.db.Rows;
import io.supplyguard.licence.screening.ListedParty;
import io.supplyguard.licence.screening.ListingChanges;
import io.supplyguard.licence.screening.NameMatcher;
import io.supplyguard.licence.screening.PartyList;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Every statement on China's lists of foreign parties. Writes take one lock for the lists, so that
 * two imports (or an import and an announcement) never both decide against the same entries.
 */
public final class ListedPartyRepository {
  private static final String COLUMNS = """
      SELECT id, list, name, aliases, country, added, removed, announcement, source, import_id FROM listed_party""";
  private static final String ALL = COLUMNS + " ORDER BY id";
  private static final String LISTED = COLUMNS + " WHERE removed IS NULL ORDER BY id";
  private static final String LOCK = "SELECT pg_advisory_xact_lock(hashtext('listed_party'))";
  private static final String RECORDED_FROM = """
      SELECT p.id FROM listed_party p JOIN listed_party_import i ON i.id = p.import_id
      WHERE p.removed IS NULL AND i.source = $1""";
  private static final String INSERT = """
      INSERT INTO listed_party (list, name, name_key, aliases, country, added, announcement, source, import_id)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id""";
  private static final String UPDATE = """
      UPDATE listed_party SET name = $2, name_key = $3, aliases = $4, country = $5, added = $6, announcement = $7
      WHERE id = $1 AND removed IS NULL""";
  private static final String REMOVE = "UPDATE listed_party SET removed = $2 WHERE id = $1 AND removed IS NULL";
  private static final String IMPORT = """
      INSERT INTO listed_party_import (source, format, lists, added, updated, removed, unchanged, imported_by)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id""";

  private final Pool pool;

  public ListedPartyRepository(Pool pool) {
    this.pool = pool;
  }

  /** Every entry, those removed too. */
  public Future<List<ListedParty>> all() {
    return pool.query(ALL).execute().map(rows -> Rows.list(rows, ListedPartyRepository::entry));
  }

  /** Locks the lists for the rest of the transaction and reads the entries listed now. */
  public Future<List<ListedParty>> lockListed(SqlConnection tx) {
    return tx.query(LOCK).execute().compose(locked -> tx.query(LISTED).execute())
        .map(rows -> Rows.list(rows, ListedPartyRepository::entry));
  }

  /** The ids of the entries listed now that imports of {@code source} recorded. */
  public Future<Set<Long>> recordedFrom(SqlConnection tx, String source) {
    return tx.preparedQuery(RECORDED_FROM).execute(Tuple.of(source))
        .map(rows -> new HashSet<>(Rows.list(rows, row -> row.getLong("id"))));
  }

  /**
   * Applies listings (entries to add to a list, e.g. an announcement's) inside the caller's
   * transaction, and answers what changed. A listing whose list already has an entry of that name
   * listed (by {@link NameMatcher#key}) updates it when it says otherwise (aliases, country, date,
   * announcement) and is unchanged when it says the same; any other is added. Nothing is removed.
   * The caller validates the listings first ({@code ListingValidator}), audits and publishes the
   * change (with {@code consigneesAffected: true}) when {@link ListingChanges#changed()}, and after
   * commit drops the cached lists ({@link ListedPartyCache#invalidate()}).
   *
   * @param tx the caller's transaction
   * @param listings at most one per list and name key
   * @param importId the import that records them, or null (an announcement)
   */
  public Future<ListingChanges> apply(SqlConnection tx, List<ListedParty> listings, Long importId) {
    return lockListed(tx).compose(listed -> {
      ListingChanges changes = ListingChanges.of(listed, listings, e -> false, LocalDate.now());
      return write(tx, changes, importId);
    });
  }

  /** Writes changes already decided (under {@link #lockListed}): the added get their ids and {@code importId}. */
  public Future<ListingChanges> write(SqlConnection tx, ListingChanges changes, Long importId) {
    Future<List<ListedParty>> added = Future.succeededFuture(List.of());
    if (!changes.added().isEmpty()) {
      List<Tuple> rows = changes.added().stream().map(e -> Tuple.from(new Object[] {e.list().name(), e.name(),
          NameMatcher.key(e.name()), e.aliases().toArray(String[]::new), e.country(), e.added(), e.announcement(),
          e.source(), importId})).toList();
      added = tx.preparedQuery(INSERT).executeBatch(rows).map(result -> {
        List<ListedParty> stored = new ArrayList<>();
        RowSet<Row> rs = result;
        for (ListedParty e : changes.added()) {
          stored.add(e.withId(rs.iterator().next().getLong("id"), importId));
          rs = rs.next();
        }
        return stored;
      });
    }
    return added.compose(stored -> {
      Future<?> updated = changes.updated().isEmpty() ? Future.succeededFuture()
          : tx.preparedQuery(UPDATE).executeBatch(changes.updated().stream().map(e -> Tuple.from(new Object[] {
              e.id(), e.name(), NameMatcher.key(e.name()), e.aliases().toArray(String[]::new), e.country(), e.added(),
              e.announcement()})).toList());
      return updated.compose(v -> changes.removed().isEmpty() ? Future.succeededFuture()
              : tx.preparedQuery(REMOVE).executeBatch(changes.removed().stream()
                  .map(e -> Tuple.of(e.id(), e.removed())).toList()))
          .map(v -> new ListingChanges(stored, changes.updated(), changes.unchanged(), changes.removed()));
    });
  }

  /** Records an import that changed something; its id. */
  public Future<Long> recordImport(SqlConnection tx, String source, String format, List<PartyList> lists,
      ListingChanges changes, String importedBy) {
    return tx.preparedQuery(IMPORT).execute(Tuple.from(new Object[] {source, format,
            lists.stream().map(Enum::name).toArray(String[]::new), changes.added().size(), changes.updated().size(),
            changes.removed().size(), changes.unchanged().size(), importedBy}))
        .map(rows -> rows.iterator().next().getLong("id"));
  }

  /** The entries a complete file of {@code lists} from one source speaks for. */
  public static Predicate<ListedParty> speaksFor(List<PartyList> lists, Set<Long> recorded) {
    return e -> lists.contains(e.list()) && recorded.contains(e.id());
  }

  static ListedParty entry(Row row) {
    return new ListedParty(row.getLong("id"), PartyList.valueOf(row.getString("list")), row.getString("name"),
        Arrays.asList(row.getArrayOfStrings("aliases")), row.getString("country"), row.getLocalDate("added"),
        row.getLocalDate("removed"), row.getString("announcement"), row.getString("source"), row.getLong("import_id"));
  }
}
