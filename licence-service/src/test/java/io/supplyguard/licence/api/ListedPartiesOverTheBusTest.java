package io.supplyguard.licence.api;

import static io.supplyguard.licence.api.LicenceFixture.assertRefused;
import static io.supplyguard.licence.api.LicenceFixture.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.common.bus.Addresses;
import io.supplyguard.common.bus.BusClient;
import io.supplyguard.common.bus.FailureCode;
import io.supplyguard.common.bus.Role;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxTestContext;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * China's lists of parties over the bus, against a real PostgreSQL: the example file seeded,
 * searched by name, imported idempotently (audited and published once), refused whole when a line
 * is bad; and consignees screened in licence checks and supply conditions. Today is 2026-11-30.
 */
class ListedPartiesOverTheBusTest extends LicenceBusTest {
  private static final BusClient.Caller ADMIN = new BusClient.Caller("admin-parties", "admin-tenant", Role.ADMIN);
  private static final String HEADER = "list,name,aliases,country,added,announcement,source\n";

  private Future<JsonObject> importFile(String format, String source, String content) {
    return fixture.bus().request(Addresses.REGIME_LISTED_PARTIES_IMPORT, new JsonObject().put("format", format)
        .put("source", source).put("content", content), ADMIN);
  }

  private Future<JsonObject> search(JsonObject query) {
    return fixture.bus().request(Addresses.REGIME_LISTED_PARTIES, query, tenant("t-reader"));
  }

  /** Audit events and outbox messages of imports: what a file that changes nothing must not add to. */
  private Future<List<Long>> footprint() {
    return Future.all(
            fixture.db().query("SELECT count(*) AS n FROM licence.audit_event WHERE entity_type = 'LISTED_PARTY_IMPORT'")
                .execute(),
            fixture.db().query("SELECT count(*) AS n FROM licence.outbox WHERE payload->>'change' = "
                + "'LISTED_PARTIES_IMPORTED'").execute(),
            fixture.db().query("SELECT count(*) AS n FROM licence.listed_party").execute())
        .map(all -> List.of(count(all.resultAt(0)), count(all.resultAt(1)), count(all.resultAt(2))));
  }

  private static long count(RowSet<Row> rows) {
    return rows.iterator().next().getLong("n");
  }

  static String exampleFile() {
    try (InputStream in = ListedPartiesOverTheBusTest.class.getResourceAsStream("/listed-parties/cn-2026-example.csv")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonObject check(String consignee, String asOf) {
    JsonObject body = new JsonObject().put("elements", new JsonArray().add("Dy")).put("form", "OXIDE")
        .put("destination", "US").put("endUse", "CIVIL").put("asOf", asOf);
    return consignee == null ? body : body.put("consignee", consignee);
  }

  @Test
  @DisplayName("the example file is seeded: four Control List entries, searched by name with a score, best first, as of a date")
  void seededAndSearched(VertxTestContext test) {
    Future.all(search(new JsonObject()), search(new JsonObject().put("name", "MP Materials Corp")),
            search(new JsonObject().put("asOf", "2026-05-01")), search(new JsonObject().put("name", "MP Minerals")),
            search(new JsonObject().put("list", "WATCH_LIST").put("name", "Hensoldt")))
        .onComplete(test.succeeding(all -> test.verify(() -> {
          JsonArray everything = all.<JsonObject>resultAt(0).getJsonArray("entries");
          assertThat(everything.stream().map(e -> ((JsonObject) e).getString("name")))
              .contains("FN Herstal", "Hensoldt", "MP Materials", "USA Rare Earth");
          JsonObject mp = all.<JsonObject>resultAt(1).getJsonArray("entries").getJsonObject(0);
          assertThat(mp.getString("name")).isEqualTo("MP Materials");
          assertThat(mp.getString("list")).isEqualTo("CONTROL_LIST");
          assertThat(mp.getString("country")).isEqualTo("US");
          assertThat(mp.getString("added")).isEqualTo("2026-06-22");
          assertThat(mp.getDouble("score")).isEqualTo(1.0);
          assertThat(mp.getLong("importId")).isNotNull();
          assertThat(all.<JsonObject>resultAt(1).getDouble("threshold")).isEqualTo(0.9);
          assertThat(all.<JsonObject>resultAt(2).getJsonArray("entries").stream()
              .map(e -> ((JsonObject) e).getString("name"))).contains("FN Herstal", "Hensoldt")
              .doesNotContain("MP Materials", "USA Rare Earth");
          assertThat(all.<JsonObject>resultAt(3).getJsonArray("entries")).isEmpty();
          assertThat(all.<JsonObject>resultAt(4).getJsonArray("entries")).isEmpty();
          test.completeNow();
        })));
  }

  @Test
  @DisplayName("importing the example file the seed came from changes nothing: no import, no audit event, no regime change")
  void exampleFileAgain(VertxTestContext test) {
    footprint().compose(before -> importFile("CSV", "listed-parties/cn-2026-example.csv", exampleFile())
            .compose(result -> footprint().map(after -> List.of(before, after, result))))
        .onComplete(test.succeeding(all -> test.verify(() -> {
          assertThat(all.get(1)).isEqualTo(all.get(0));
          JsonObject result = (JsonObject) all.get(2);
          assertThat(result.getBoolean("changed")).isFalse();
          assertThat(result.getInteger("unchanged")).isEqualTo(4);
          assertThat(result.getInteger("added") + result.getInteger("removed") + result.getInteger("updated")).isZero();
          assertThat(result.containsKey("importId")).isFalse();
          test.completeNow();
        })));
  }

  @Test
  @DisplayName("a file is applied once: audited and published once; the same file again changes nothing; a later file without an entry removes it today")
  void idempotentImportsAndRemovals(VertxTestContext test) {
    String both = HEADER + "WATCH_LIST,Acme Rare Metals Ltd.,Acme RM;ACME,JP,2026-02-24,MOFCOM 2026 No. 12,\n"
        + "WATCH_LIST,\"Borealis Magnet Works, Inc.\",,JP,2026-02-24,MOFCOM 2026 No. 12,\n";
    String one = HEADER + "WATCH_LIST,Acme Rare Metals Ltd.,Acme RM;ACME,JP,2026-02-24,MOFCOM 2026 No. 12,\n";
    footprint().compose(start -> importFile("CSV", "test-feed-1", both)
            .compose(first -> footprint().compose(afterFirst -> importFile("CSV", "test-feed-1", both)
                .compose(second -> footprint().compose(afterSecond -> importFile("CSV", "test-feed-1", one)
                    .compose(third -> Future.all(footprint(),
                        search(new JsonObject().put("name", "Borealis Magnet Works")),
                        search(new JsonObject().put("name", "Borealis Magnet Works").put("asOf", "2026-11-29")),
                        fixture.bus().request(Addresses.REGIME_HISTORY, new JsonObject().put("limit", 5), ADMIN),
                        fixture.db().query("SELECT payload FROM licence.outbox WHERE payload->>'source' = 'test-feed-1'"
                            + " ORDER BY id").execute())
                        .map(all -> List.of(start, first, afterFirst, second, afterSecond, third, all))))))))
        .onComplete(test.succeeding(r -> test.verify(() -> {
          List<?> start = (List<?>) r.get(0);
          JsonObject first = (JsonObject) r.get(1);
          assertThat(first.getBoolean("changed")).isTrue();
          assertThat(first.getInteger("added")).isEqualTo(2);
          assertThat(first.getJsonArray("lists")).containsExactly("WATCH_LIST");
          List<?> afterFirst = (List<?>) r.get(2);
          assertThat((Long) afterFirst.get(0)).isEqualTo((Long) start.get(0) + 1);
          assertThat((Long) afterFirst.get(1)).isEqualTo((Long) start.get(1) + 1);
          JsonObject second = (JsonObject) r.get(3);
          assertThat(second.getBoolean("changed")).isFalse();
          assertThat(second.getInteger("unchanged")).isEqualTo(2);
          assertThat(r.get(4)).isEqualTo(afterFirst);
          JsonObject third = (JsonObject) r.get(5);
          assertThat(third.getInteger("removed")).isEqualTo(1);
          assertThat(third.getInteger("unchanged")).isEqualTo(1);
          io.vertx.core.CompositeFuture all = (io.vertx.core.CompositeFuture) r.get(6);
          List<Long> end = all.resultAt(0);
          assertThat(end.get(0)).isEqualTo((Long) start.get(0) + 2);
          assertThat(end.get(2)).as("entries are never deleted").isEqualTo((Long) start.get(2) + 2);
          assertThat(all.<JsonObject>resultAt(1).getJsonArray("entries")).isEmpty();
          JsonObject yesterday = all.<JsonObject>resultAt(2).getJsonArray("entries").getJsonObject(0);
          assertThat(yesterday.getString("name")).isEqualTo("Borealis Magnet Works, Inc.");
          assertThat(yesterday.getString("removed")).isEqualTo("2026-11-30");
          JsonObject audited = all.<JsonObject>resultAt(3).getJsonArray("events").getJsonObject(0);
          assertThat(audited.getString("entityType")).isEqualTo("LISTED_PARTY_IMPORT");
          assertThat(audited.getString("action")).isEqualTo("IMPORTED");
          assertThat(audited.getJsonObject("after").getInteger("removed")).isEqualTo(1);
          assertThat(audited.getJsonObject("after").getJsonArray("removedNames"))
              .containsExactly("WATCH_LIST: Borealis Magnet Works, Inc.");
          RowSet<Row> outbox = all.resultAt(4);
          assertThat(outbox.size()).isEqualTo(2);
          JsonObject event = (JsonObject) outbox.iterator().next().getValue("payload");
          assertThat(event.getString("change")).isEqualTo("LISTED_PARTIES_IMPORTED");
          assertThat(event.getBoolean("consigneesAffected")).isTrue();
          assertThat(event.getJsonArray("elements")).isEmpty();
          assertThat(event.getInteger("added")).isEqualTo(2);
          test.completeNow();
        })));
  }

  @Test
  @DisplayName("a bad line refuses the whole file with a 400 naming the line; a tenant may not import")
  void badFilesChangeNothing(VertxTestContext test) {
    String badDate = HEADER + "CONTROL_LIST,Good Name Corp,,US,2026-06-22,,\n"
        + "CONTROL_LIST,Bad Date Corp,,US,22/06/2026,,\n";
    String badArray = "[\n  {\"schema\": \"Company\", \"properties\": {\"name\": [\"Fine Co\"]},"
        + " \"first_seen\": \"2026-07-01T00:00:00\"},\n  {\"schema\": \"Company\", \"properties\": {}}\n]";
    footprint().compose(before -> importFile("CSV", "test-bad", badDate).transform(bad -> {
          test.verify(() -> {
            assertRefused(bad.cause(), FailureCode.BAD_REQUEST, "content");
            assertThat(bad.cause().getMessage()).contains("content line 3: added must be a date (YYYY-MM-DD)");
          });
          return fixture.bus().request(Addresses.REGIME_LISTED_PARTIES_IMPORT, new JsonObject()
              .put("format", "FTM").put("list", "CONTROL_LIST").put("source", "test-bad").put("content", badArray), ADMIN);
        }).transform(bad -> {
          test.verify(() -> assertThat(bad.cause().getMessage()).contains("content line 3: properties.name"));
          return fixture.bus().request(Addresses.REGIME_LISTED_PARTIES_IMPORT, new JsonObject().put("format", "CSV")
              .put("source", "tenant").put("content", badDate), tenant("t-1"));
        }).transform(forbidden -> {
          test.verify(() -> assertRefused(forbidden.cause(), FailureCode.FORBIDDEN));
          return importFile("XML", "test-bad", "<x/>");
        }).transform(bad -> {
          test.verify(() -> assertRefused(bad.cause(), FailureCode.BAD_REQUEST, "format"));
          return footprint().map(after -> List.of(before, after));
        }))
        .onComplete(test.succeeding(r -> test.verify(() -> {
          assertThat(r.get(1)).isEqualTo(r.get(0));
          test.completeNow();
        })));
  }

  @Test
  @DisplayName("FollowTheMoney entities, one a line: parties read, other schemata skipped, the list from program")
  void followTheMoney(VertxTestContext test) {
    String ftm = """
        {"id": "cn-uel-1", "schema": "Company", "properties": {"name": ["Skyward Aerotech Inc."], "alias": ["Skyward"], "country": ["us"], "program": ["MOFCOM Unreliable Entity List"], "sourceUrl": ["https://example.org/uel/1"]}, "first_seen": "2026-03-04T08:00:00"}
        {"id": "cn-uel-1-sanction", "schema": "Sanction", "properties": {"entity": ["cn-uel-1"]}}
        """;
    importFile("FTM", "test-ftm", ftm)
        .compose(result -> search(new JsonObject().put("name", "SKYWARD AEROTECH")).map(found -> List.of(result, found)))
        .onComplete(test.succeeding(r -> test.verify(() -> {
          assertThat(r.get(0).getInteger("added")).isEqualTo(1);
          assertThat(r.get(0).getInteger("skipped")).isEqualTo(1);
          JsonObject entry = r.get(1).getJsonArray("entries").getJsonObject(0);
          assertThat(entry.getString("list")).isEqualTo("UNRELIABLE_ENTITY_LIST");
          assertThat(entry.getString("country")).isEqualTo("US");
          assertThat(entry.getString("added")).isEqualTo("2026-03-04");
          assertThat(entry.getString("source")).isEqualTo("https://example.org/uel/1");
          assertThat(entry.getJsonArray("aliases")).containsExactly("Skyward");
          test.completeNow();
        })));
  }

  @Test
  @DisplayName("licence check: a consignee on the Control List is PROHIBITED from the day it is listed, with the entry, list, date and score")
  void checkWithConsignee(VertxTestContext test) {
    Future.all(fixture.bus().request(Addresses.LICENCE_CHECK, check("MP Materials Corp", "2026-11-30"), tenant("t-c")),
            fixture.bus().request(Addresses.LICENCE_CHECK, check("MP Materials Corp", "2026-06-21"), tenant("t-c")),
            fixture.bus().request(Addresses.LICENCE_CHECK, check("MP Minerals", "2026-11-30"), tenant("t-c")))
        .onComplete(test.succeeding(all -> test.verify(() -> {
          JsonObject listed = all.resultAt(0);
          assertThat(listed.getString("decision")).isEqualTo("PROHIBITED");
          JsonObject screening = listed.getJsonObject("screening");
          assertThat(screening.getString("list")).isEqualTo("CONTROL_LIST");
          assertThat(screening.getString("name")).isEqualTo("MP Materials");
          assertThat(screening.getString("consignee")).isEqualTo("MP Materials Corp");
          assertThat(screening.getString("added")).isEqualTo("2026-06-22");
          assertThat(screening.getDouble("score")).isEqualTo(1.0);
          assertThat(screening.getLong("entryId")).isNotNull();
          assertThat(listed.getString("explanation")).contains("MP Materials", "Control List", "2026-06-22",
              "score 1.0", "entry " + screening.getLong("entryId"));
          assertThat(listed.getJsonArray("futures")).hasSize(1);
          JsonObject before = all.resultAt(1);
          assertThat(before.getString("decision")).isEqualTo("LICENCE_REQUIRED");
          assertThat(before.containsKey("screening")).isFalse();
          assertThat(all.<JsonObject>resultAt(2).getString("decision")).isEqualTo("LICENCE_REQUIRED");
          test.completeNow();
        })));
  }

  @Test
  @DisplayName("supply conditions: a Control List consignee PROHIBITED, a Watch List one LICENCE_REQUIRED with a longer review, none as before")
  void conditionsWithConsignees(VertxTestContext test) {
    String watch = HEADER + "WATCH_LIST,Kestrel Magnetics GmbH,,DE,2026-02-24,MOFCOM 2026 No. 12,\n";
    JsonArray positions = new JsonArray()
        .add(LicenceFixture.position("listed", "Dy", "OXIDE", 30).put("consignee", "Hensoldt AG"))
        .add(LicenceFixture.position("watched", "Dy", "OXIDE", 30).put("consignee", "KESTREL MAGNETICS"))
        .add(LicenceFixture.position("plain", "Dy", "OXIDE", 30))
        .add(LicenceFixture.position("other", "Dy", "OXIDE", 30).put("consignee", "Siemens AG"));
    importFile("CSV", "test-watch", watch)
        .compose(v -> fixture.bus().request(Addresses.SUPPLY_CONDITIONS, new JsonObject().put("asOf", "2026-11-30")
            .put("positions", positions), tenant("t-cond")))
        .onComplete(test.succeeding(reply -> test.verify(() -> {
          JsonArray conditions = reply.getJsonArray("conditions");
          JsonArray determinations = reply.getJsonArray("determinations");
          assertThat(conditions.stream().map(c -> ((JsonObject) c).getString("condition")))
              .containsExactly("PROHIBITED", "LICENCE_REQUIRED", "LICENCE_REQUIRED", "LICENCE_REQUIRED");
          assertThat(determinations).hasSize(4);
          JsonObject listed = determinations.getJsonObject(conditions.getJsonObject(0).getInteger("determination"));
          assertThat(listed.getJsonObject("screening").getString("name")).isEqualTo("Hensoldt");
          assertThat(listed.getJsonObject("screening").getString("announcement")).isEqualTo("MOFCOM 2026 No. 20");
          JsonObject watched = determinations.getJsonObject(conditions.getJsonObject(1).getInteger("determination"));
          assertThat(watched.getJsonObject("screening").getString("list")).isEqualTo("WATCH_LIST");
          // 45 working days from Monday 2026-11-30 are 63 calendar days; 20 more working days, 28 more.
          assertThat(reply.getLong("reviewDays")).isEqualTo(63);
          assertThat(watched.getLong("reviewDays")).isEqualTo(91);
          assertThat(watched.getString("explanation")).contains("Watch List", "20 working days");
          JsonObject plain = determinations.getJsonObject(conditions.getJsonObject(2).getInteger("determination"));
          assertThat(plain.containsKey("screening")).isFalse();
          assertThat(plain.containsKey("reviewDays")).isFalse();
          test.completeNow();
        })));
  }
}
