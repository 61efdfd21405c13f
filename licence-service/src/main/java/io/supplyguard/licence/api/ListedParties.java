package io.supplyguard.licence.api;

import io.supplyguard.common.bus.Addresses;
import io.supplyguard.common.bus.BusRequest;
import io.supplyguard.common.bus.ServiceException;
import io.supplyguard.licence.events.ChangeEvents;
import io.supplyguard.licence.events.ChangeEvents.RegimeEdit;
import io.supplyguard.licence.screening.ListedParty;
import io.supplyguard.licence.screening.ListingChanges;
import io.supplyguard.licence.screening.PartyList;
import io.supplyguard.licence.screening.ScreeningMatch;
import io.supplyguard.licence.store.Actor;
import io.supplyguard.licence.store.ChangeLog;
import io.supplyguard.licence.store.ListedPartyCache;
import io.supplyguard.licence.store.ListedPartyRepository;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * China's lists of foreign parties (docs/regime.md, "Listed parties"): read and searched by name
 * by anyone, imported from a list file by ADMIN. An import is applied idempotently: a file that
 * changes nothing writes nothing (no import, no audit event, no regime change).
 */
final class ListedParties {
  static final String ENTITY = "LISTED_PARTY_IMPORT";
  private static final int MAX_NAMES_AUDITED = 200;

  private final Pool pool;
  private final ListedPartyRepository repository;
  private final ListedPartyCache cache;
  private final Clock clock;
  private final Runnable published;

  ListedParties(Pool pool, ListedPartyRepository repository, ListedPartyCache cache, Clock clock, Runnable published) {
    this.pool = pool;
    this.repository = repository;
    this.cache = cache;
    this.clock = clock;
    this.published = published;
  }

  /** {@code {asOf?, name?, list?}} → {@code {asOf, threshold, entries}}. */
  Future<JsonObject> list(BusRequest request) {
    JsonObject in = request.body();
    String given = in.getString("asOf");
    String name = Texts.trimmed(in, "name");
    PartyList list = in.containsKey("list") ? PartyList.valueOf(in.getString("list")) : null;
    LocalDate asOf = given != null ? LocalDate.parse(given) : LocalDate.now(clock);
    return cache.get().map(screening -> {
      JsonArray entries = new JsonArray();
      if (name != null) {
        for (ScreeningMatch m : screening.matches(name, asOf, list)) {
          entries.add(entry(m.entry()).put("score", m.score()).put("matchedName", m.matchedName()));
        }
      } else {
        screening.entries().stream().filter(e -> e.listedOn(asOf) && (list == null || e.list() == list))
            .sorted(Comparator.comparing(ListedParty::list).thenComparing(ListedParty::name))
            .forEach(e -> entries.add(entry(e)));
      }
      JsonObject answer = new JsonObject().put("asOf", asOf.toString()).put("threshold", screening.threshold());
      if (name != null) {
        answer.put("name", name);
      }
      return answer.put("entries", entries);
    });
  }

  /** ADMIN. {@code {format, source, list?, content}} → what the file changed. */
  Future<JsonObject> importFile(BusRequest request) {
    request.requireAdmin();
    JsonObject in = request.body();
    ListFiles.Format format = ListFiles.Format.valueOf(in.getString("format"));
    String source = Texts.trimmed(in, "source");
    PartyList list = in.containsKey("list") ? PartyList.valueOf(in.getString("list")) : null;
    String content = Texts.trimmed(in, "content");
    ListFiles.Parsed parsed = ListFiles.parse(format, content, list, source);
    if (!parsed.errors().isEmpty()) {
      throw ServiceException.invalidFields(parsed.errors());
    }
    List<PartyList> lists = list != null ? List.of(list)
        : parsed.listings().stream().map(ListedParty::list).distinct().sorted().toList();
    LocalDate today = LocalDate.now(clock);
    Actor actor = Actors.of(request);
    JsonObject[] answer = new JsonObject[1];
    return pool.withTransaction(tx -> repository.lockListed(tx)
            .compose(listed -> repository.recordedFrom(tx, source).map(recorded -> ListingChanges.of(listed,
                parsed.listings(), ListedPartyRepository.speaksFor(lists, recorded), today)))
            .compose(changes -> {
              if (!changes.changed()) {
                answer[0] = summary(null, source, format, lists, changes, parsed.skipped());
                return Future.succeededFuture(false);
              }
              return repository.recordImport(tx, source, format.name(), lists, changes,
                      actor.tenantId() != null ? actor.tenantId() : actor.role())
                  .compose(importId -> repository.write(tx, changes, importId).compose(written -> {
                    JsonObject summary = summary(importId, source, format, lists, written, parsed.skipped());
                    answer[0] = summary;
                    return ChangeLog.audit(tx, actor, ENTITY, String.valueOf(importId), null, "IMPORTED", null,
                            audited(summary, written))
                        .compose(v -> ChangeLog.publish(tx, Addresses.REGIME_CHANGED,
                            ChangeEvents.listedPartiesChanged(RegimeEdit.LISTED_PARTIES_IMPORTED,
                                new JsonObject().put("importId", importId).put("source", source)
                                    .put("lists", summary.getJsonArray("lists")).put("added", written.added().size())
                                    .put("updated", written.updated().size())
                                    .put("removed", written.removed().size()),
                                today, clock.instant())))
                        .map(v -> true);
                  }));
            }))
        .map(changed -> {
          if (changed) {
            cache.invalidate();
            published.run();
          }
          return answer[0];
        });
  }

  private static JsonObject summary(Long importId, String source, ListFiles.Format format, List<PartyList> lists,
      ListingChanges changes, int skipped) {
    JsonObject json = new JsonObject();
    if (importId != null) {
      json.put("importId", importId);
    }
    return json.put("source", source).put("format", format.name())
        .put("lists", new JsonArray(lists.stream().map(Enum::name).toList()))
        .put("changed", changes.changed())
        .put("added", changes.added().size())
        .put("updated", changes.updated().size())
        .put("removed", changes.removed().size())
        .put("unchanged", changes.unchanged().size())
        .put("skipped", skipped);
  }

  /** The audit event's {@code after}: the counts and the names added, updated and removed (the first 200 of each). */
  private static JsonObject audited(JsonObject summary, ListingChanges changes) {
    return summary.copy()
        .put("addedNames", names(changes.added()))
        .put("updatedNames", names(changes.updated()))
        .put("removedNames", names(changes.removed()));
  }

  private static JsonArray names(List<ListedParty> entries) {
    return new JsonArray(entries.stream().limit(MAX_NAMES_AUDITED).map(e -> e.list() + ": " + e.name()).toList());
  }

  static JsonObject entry(ListedParty e) {
    JsonObject json = new JsonObject()
        .put("id", e.id())
        .put("list", e.list().name())
        .put("name", e.name())
        .put("aliases", new JsonArray(e.aliases()))
        .put("country", e.country())
        .put("added", e.added().toString())
        .put("announcement", e.announcement())
        .put("source", e.source());
    if (e.removed() != null) {
      json.put("removed", e.removed().toString());
    }
    if (e.importId() != null) {
      json.put("importId", e.importId());
    }
    return json;
  }
}
