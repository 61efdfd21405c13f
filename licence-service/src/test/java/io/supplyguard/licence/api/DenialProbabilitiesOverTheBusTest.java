package io.supplyguard.licence.api;

import static io.supplyguard.licence.api.LicenceFixture.assertRefused;
import static io.supplyguard.licence.api.LicenceFixture.position;
import static io.supplyguard.licence.api.LicenceFixture.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.common.bus.Addresses;
import io.supplyguard.common.bus.BusClient;
import io.supplyguard.common.bus.FailureCode;
import io.supplyguard.common.bus.Role;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Checkpoint;
import io.vertx.junit5.VertxTestContext;
import io.vertx.sqlclient.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Denial risk by destination over the bus, against a real PostgreSQL: read by anyone, set by
 * ADMIN (audited, published through the outbox), refused whole when invalid, and carried by every
 * determination. Today is Monday 2026-11-30; no denial probability is seeded.
 */
class DenialProbabilitiesOverTheBusTest extends LicenceBusTest {
  private static final BusClient.Caller ADMIN = new BusClient.Caller("admin-denial", "admin-tenant", Role.ADMIN);

  private Future<JsonObject> set(String country, Object probability, String source, BusClient.Caller caller) {
    JsonObject body = new JsonObject().put("country", country).put("probability", probability);
    if (source != null) {
      body.put("source", source);
    }
    return fixture.bus().request(Addresses.REGIME_DENIAL_PROBABILITY_SET, body, caller);
  }

  private Future<JsonObject> list() {
    return fixture.bus().request(Addresses.REGIME_DENIAL_PROBABILITIES, new JsonObject(), tenant("t-reader"));
  }

  /** What a write leaves behind: the entries, the audit events and the outbox messages. */
  private Future<List<Object>> footprint() {
    return Future.all(list(),
            fixture.db().query("SELECT count(*) AS n FROM licence.audit_event").execute(),
            fixture.db().query("SELECT count(*) AS n FROM licence.outbox").execute())
        .map(all -> {
          List<Object> state = new ArrayList<>();
          state.add(all.<JsonObject>resultAt(0).encode());
          state.add(all.<io.vertx.sqlclient.RowSet<Row>>resultAt(1).iterator().next().getLong("n"));
          state.add(all.<io.vertx.sqlclient.RowSet<Row>>resultAt(2).iterator().next().getLong("n"));
          return state;
        });
  }

  private static JsonObject check(String destination) {
    return new JsonObject().put("elements", new JsonArray().add("Dy")).put("form", "OXIDE")
        .put("destination", destination).put("endUse", "CIVIL");
  }

  @Test
  @DisplayName("ADMIN sets a destination's probability: 200 with the entry, listed, in the regime's history, published with its destination")
  void setListAuditPublish(Vertx vertx, VertxTestContext test) {
    Checkpoint published = test.checkpoint();
    Checkpoint checked = test.checkpoint();
    // Published at least once: a second delivery of the same message is not a second change.
    AtomicBoolean seen = new AtomicBoolean();
    vertx.eventBus().<JsonObject>consumer(Addresses.REGIME_CHANGED, event -> {
      if ("DENIAL_PROBABILITY_SET".equals(event.body().getString("change"))
          && "DE".equals(event.body().getString("destination"))
          && event.body().getDouble("probability") == 0.35 && seen.compareAndSet(false, true)) {
        test.verify(() -> {
          assertThat(event.body().getDouble("previousProbability")).isEqualTo(0.2);
          assertThat(event.body().getString("source")).isEqualTo("EU approval rate 65% (test)");
          assertThat(event.body().getJsonArray("elements")).isEmpty();
          assertThat(event.body().getString("effectiveFrom")).isEqualTo("2026-11-30");
          assertThat(event.body().getString("changeId")).isNotBlank();
        });
        published.flag();
      }
    }).completion()
        .compose(v -> set("DE", 0.35, "EU approval rate 65% (test)", ADMIN))
        .compose(stored -> {
          test.verify(() -> {
            assertThat(stored.getString("country")).isEqualTo("DE");
            assertThat(stored.getDouble("probability")).isEqualTo(0.35);
            assertThat(stored.getString("source")).isEqualTo("EU approval rate 65% (test)");
            assertThat(stored.getString("updatedAt")).isNotBlank();
          });
          return set("DE", 0.4, "EU approval rate 60% (test)", ADMIN);
        })
        .compose(again -> Future.all(list(),
            fixture.bus().request(Addresses.REGIME_HISTORY, new JsonObject().put("limit", 10), ADMIN),
            fixture.db().query("SELECT address, payload FROM licence.outbox "
                + "WHERE payload->>'change' = 'DENIAL_PROBABILITY_SET' AND payload->>'destination' = 'DE' ORDER BY id")
                .execute()))
        .onComplete(test.succeeding(all -> test.verify(() -> {
          JsonObject listed = all.resultAt(0);
          assertThat(listed.getDouble("default")).isEqualTo(0.2);
          JsonObject germany = listed.getJsonArray("destinations").stream().map(JsonObject.class::cast)
              .filter(e -> e.getString("country").equals("DE")).findFirst().orElseThrow();
          assertThat(germany.getDouble("probability")).isEqualTo(0.4);
          assertThat(germany.getString("source")).isEqualTo("EU approval rate 60% (test)");
          assertThat(germany.fieldNames()).containsExactlyInAnyOrder("country", "probability", "source", "updatedAt");

          List<JsonObject> events = all.<JsonObject>resultAt(1).getJsonArray("events").stream()
              .map(JsonObject.class::cast)
              .filter(e -> e.getString("entityType").equals("DENIAL_PROBABILITY") && e.getString("entityId").equals("DE"))
              .toList();
          assertThat(events).hasSize(2);
          JsonObject newest = events.get(0);
          assertThat(newest.getString("entityId")).isEqualTo("DE");
          assertThat(newest.getString("action")).isEqualTo("SET");
          assertThat(newest.getJsonObject("actor").getString("role")).isEqualTo("ADMIN");
          assertThat(newest.getJsonObject("before").getDouble("probability")).isEqualTo(0.35);
          assertThat(newest.getJsonObject("after").getDouble("probability")).isEqualTo(0.4);
          assertThat(events.get(1).containsKey("before")).isFalse();

          List<Row> outbox = new ArrayList<>();
          all.<io.vertx.sqlclient.RowSet<Row>>resultAt(2).forEach(outbox::add);
          assertThat(outbox).hasSize(2);
          assertThat(outbox).allSatisfy(row -> {
            assertThat(row.getString("address")).isEqualTo(Addresses.REGIME_CHANGED);
            assertThat(((JsonObject) row.getJson("payload")).getString("destination")).isEqualTo("DE");
          });
          assertThat(((JsonObject) outbox.get(1).getJson("payload")).getDouble("previousProbability")).isEqualTo(0.35);
          checked.flag();
        })));
  }

  @Test
  @DisplayName("a probability outside [0, 1] or not a number, no source, a bad country, or a TENANT change nothing")
  void refusedWhole(VertxTestContext test) {
    footprint().compose(before -> set("US", 1.5, "too high", ADMIN)
            .recover(failure -> {
              test.verify(() -> assertRefused(failure, FailureCode.BAD_REQUEST, "probability"));
              return set("US", -0.1, "negative", ADMIN);
            })
            .recover(failure -> {
              test.verify(() -> assertRefused(failure, FailureCode.BAD_REQUEST, "probability"));
              return set("US", "0.5", "a string", ADMIN);
            })
            .recover(failure -> {
              test.verify(() -> assertRefused(failure, FailureCode.BAD_REQUEST, "probability"));
              return set("US", 0.5, null, ADMIN);
            })
            .recover(failure -> {
              test.verify(() -> assertRefused(failure, FailureCode.BAD_REQUEST, "source"));
              return set("US", 0.5, "   ", ADMIN);
            })
            .recover(failure -> {
              test.verify(() -> assertRefused(failure, FailureCode.BAD_REQUEST, "source"));
              return set("us", 0.5, "lower case", ADMIN);
            })
            .recover(failure -> {
              test.verify(() -> assertRefused(failure, FailureCode.BAD_REQUEST, "country"));
              return set("USA", 0.5, "three letters", ADMIN);
            })
            .recover(failure -> {
              test.verify(() -> assertRefused(failure, FailureCode.BAD_REQUEST, "country"));
              return set("US", 0.5, "a tenant", tenant("t-1"));
            })
            .recover(failure -> {
              test.verify(() -> assertRefused(failure, FailureCode.FORBIDDEN));
              return footprint().compose(after -> {
                test.verify(() -> assertThat(after).isEqualTo(before));
                return Future.succeededFuture(new JsonObject());
              });
            }))
        .onComplete(test.succeedingThenComplete());
  }

  @Test
  @DisplayName("determinations carry their destination's probability and source, or the default and a null source")
  void determinationsCarryTheirDestinationsProbability(VertxTestContext test) {
    JsonObject batch = new JsonObject().put("positions", new JsonArray()
        .add(position("jp", "Dy", "OXIDE", 30).put("destination", "JP"))
        .add(position("fr", "Dy", "OXIDE", 30).put("destination", "FR")));
    set("JP", 0.5, "Nikkei, Feb 2026: about 50% of Japanese applicants approved", ADMIN)
        .compose(stored -> Future.all(
            fixture.bus().request(Addresses.LICENCE_CHECK, check("JP"), tenant("t-denial")),
            fixture.bus().request(Addresses.LICENCE_CHECK, check("FR"), tenant("t-denial")),
            fixture.bus().request(Addresses.SUPPLY_CONDITIONS, batch, tenant("t-denial"))))
        .onComplete(test.succeeding(all -> test.verify(() -> {
          JsonObject japan = all.resultAt(0);
          assertThat(japan.getString("decision")).isEqualTo("LICENCE_REQUIRED");
          assertThat(japan.getDouble("denialProbability")).isEqualTo(0.5);
          assertThat(japan.getString("denialSource")).isEqualTo("Nikkei, Feb 2026: about 50% of Japanese applicants approved");
          assertThat(japan.getString("explanation")).contains("denied with probability 0.5 (Nikkei");
          JsonObject france = all.resultAt(1);
          assertThat(france.getDouble("denialProbability")).isEqualTo(0.2);
          assertThat(france.containsKey("denialSource")).isTrue();
          assertThat(france.getString("denialSource")).isNull();
          assertThat(france.getString("explanation")).contains("denied with probability 0.2 (the configured default");

          JsonObject reply = all.resultAt(2);
          JsonArray conditions = reply.getJsonArray("conditions");
          JsonObject jp = reply.getJsonArray("determinations").getJsonObject(conditions.getJsonObject(0).getInteger("determination"));
          JsonObject fr = reply.getJsonArray("determinations").getJsonObject(conditions.getJsonObject(1).getInteger("determination"));
          assertThat(jp.getDouble("denialProbability")).isEqualTo(0.5);
          assertThat(jp.getString("denialSource")).startsWith("Nikkei");
          assertThat(fr.getDouble("denialProbability")).isEqualTo(0.2);
          assertThat(fr.containsKey("denialSource")).isTrue();
          assertThat(fr.getString("denialSource")).isNull();
          test.completeNow();
        })));
  }
}
