package io.supplyguard.licence.api;

import static io.supplyguard.licence.api.LicenceFixture.assertRefused;
import static io.supplyguard.licence.api.LicenceFixture.position;
import static io.supplyguard.licence.api.LicenceFixture.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.common.bus.Addresses;
import io.supplyguard.common.bus.BusClient;
import io.supplyguard.common.bus.FailureCode;
import io.supplyguard.common.bus.Role;
import io.supplyguard.common.bus.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A suspension's renewal probability over the bus, and the futures it splits a determination
 * into. Today is Monday 2026-11-30 (the worked example's D); the seeded No. 70 suspension ended
 * on 2026-11-10.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SuspensionRenewalOverTheBusTest {
  private static final BusClient.Caller ADMIN = new BusClient.Caller("admin-req", null, Role.ADMIN);

  private LicenceFixture fixture;
  private final List<JsonObject> published = new CopyOnWriteArrayList<>();

  @BeforeAll
  void start(Vertx vertx, VertxTestContext test) {
    vertx.eventBus().<JsonObject>consumer(Addresses.REGIME_CHANGED, event -> published.add(event.body()))
        .completion()
        .compose(v -> LicenceFixture.start(vertx))
        .onComplete(test.succeeding(started -> {
          fixture = started;
          test.completeNow();
        }));
  }

  /** A licence requirement on one element's oxide, suspended from 2026-06-01 to {@code until}; answers the suspension. */
  private Future<JsonObject> suspendedRequirement(String id, String element, String until) {
    JsonObject measure = new JsonObject().put("id", id).put("issuer", "MOFCOM").put("title", "Test controls")
        .put("kind", "LICENCE_REQUIRED").put("issuedOn", "2025-12-01").put("inForceFrom", "2026-01-01")
        .put("elements", new JsonArray().add(element)).put("forms", new JsonArray().add("OXIDE"))
        .put("source", "test announcement");
    return fixture.bus().request(Addresses.REGIME_MEASURE_CREATE, measure, ADMIN)
        .compose(created -> fixture.bus().request(Addresses.REGIME_SUSPENSION_ADD, new JsonObject().put("measureId", id)
            .put("from", "2026-06-01").put("until", until).put("reference", id + "-SUSPENSION"), ADMIN));
  }

  private Future<JsonObject> renew(String measureId, Object suspensionId, JsonObject body, BusClient.Caller caller) {
    return fixture.bus().request(Addresses.REGIME_SUSPENSION_RENEWAL,
        body.copy().put("measureId", measureId).put("suspensionId", suspensionId), caller);
  }

  private static JsonObject body(Object probability, String note) {
    return new JsonObject().put("renewalProbability", probability).put("note", note);
  }

  private Future<Throwable> refused(Future<?> request) {
    return request.transform(done -> done.succeeded()
        ? Future.failedFuture(new AssertionError("accepted: " + done.result()))
        : Future.succeededFuture(done.cause()));
  }

  private Future<JsonObject> suspensionOf(String measureId, long suspensionId) {
    return fixture.bus().request(Addresses.REGIME_MEASURE_GET, new JsonObject().put("id", measureId), ADMIN)
        .map(m -> m.getJsonArray("suspensions").stream().map(JsonObject.class::cast)
            .filter(s -> s.getLong("id") == suspensionId).findFirst().orElseThrow());
  }

  private Future<List<JsonObject>> renewalHistory() {
    return fixture.bus().request(Addresses.REGIME_HISTORY, new JsonObject().put("limit", 200), ADMIN)
        .map(h -> h.getJsonArray("events").stream().map(JsonObject.class::cast)
            .filter(e -> "RENEWAL_PROBABILITY_SET".equals(e.getString("action"))).toList());
  }

  @Test
  @DisplayName("ADMIN sets a renewal probability: audited before and after, published with the measure; bad requests change nothing")
  void setRenewalProbability(VertxTestContext test) {
    suspendedRequirement("TEST-LA-RENEW", "La", "2026-12-10").compose(suspension -> {
      long id = suspension.getLong("id");
      test.verify(() -> assertThat(suspension.getDouble("renewalProbability")).isEqualTo(0.0));
      return refused(renew("TEST-LA-RENEW", id, body(1.5, "too sure"), ADMIN))
          .compose(e -> {
            test.verify(() -> assertRefused(e, FailureCode.BAD_REQUEST, "renewalProbability"));
            return refused(renew("TEST-LA-RENEW", id, body(-0.1, "negative"), ADMIN));
          })
          .compose(e -> {
            test.verify(() -> assertRefused(e, FailureCode.BAD_REQUEST, "renewalProbability"));
            return refused(renew("TEST-LA-RENEW", id, new JsonObject().put("renewalProbability", 0.6), ADMIN));
          })
          .compose(e -> {
            test.verify(() -> assertRefused(e, FailureCode.BAD_REQUEST, "note"));
            return refused(renew("TEST-LA-RENEW", id, body(0.6, " "), ADMIN));
          })
          .compose(e -> {
            test.verify(() -> assertRefused(e, FailureCode.BAD_REQUEST, "note"));
            return refused(renew("NO-SUCH-MEASURE", id, body(0.6, "talks"), ADMIN));
          })
          .compose(e -> {
            test.verify(() -> assertRefused(e, FailureCode.NOT_FOUND));
            return refused(renew("TEST-LA-RENEW", 999_999L, body(0.6, "talks"), ADMIN));
          })
          .compose(e -> {
            test.verify(() -> assertRefused(e, FailureCode.NOT_FOUND));
            return refused(renew("TEST-LA-RENEW", id, body(0.6, "talks"), tenant("t-renew")));
          })
          .compose(e -> {
            test.verify(() -> assertThat(((ServiceException) e).code()).isEqualTo(FailureCode.FORBIDDEN));
            return Future.all(suspensionOf("TEST-LA-RENEW", id), renewalHistory());
          })
          .compose(unchanged -> {
            test.verify(() -> {
              assertThat(unchanged.<JsonObject>resultAt(0).getDouble("renewalProbability")).isEqualTo(0.0);
              assertThat(unchanged.<List<JsonObject>>resultAt(1))
                  .noneMatch(e -> e.getString("entityId").equals(String.valueOf(id)));
            });
            return renew("TEST-LA-RENEW", id, body(0.6, "Extension expected from the trade talks"), ADMIN);
          })
          .compose(set -> {
            test.verify(() -> {
              assertThat(set.getDouble("renewalProbability")).isEqualTo(0.6);
              assertThat(set.getString("renewalNote")).isEqualTo("Extension expected from the trade talks");
              assertThat(set.getString("measureId")).isEqualTo("TEST-LA-RENEW");
            });
            return Future.all(suspensionOf("TEST-LA-RENEW", id), renewalHistory());
          })
          .map(after -> {
            test.verify(() -> {
              assertThat(after.<JsonObject>resultAt(0).getDouble("renewalProbability")).isEqualTo(0.6);
              JsonObject audit = after.<List<JsonObject>>resultAt(1).stream()
                  .filter(e -> e.getString("entityId").equals(String.valueOf(id))).findFirst().orElseThrow();
              assertThat(audit.getString("entityType")).isEqualTo("SUSPENSION");
              assertThat(audit.getJsonObject("actor").getString("role")).isEqualTo("ADMIN");
              assertThat(audit.getJsonObject("before").getDouble("renewalProbability")).isEqualTo(0.0);
              assertThat(audit.getJsonObject("after").getDouble("renewalProbability")).isEqualTo(0.6);
              assertThat(audit.getJsonObject("after").getString("renewalNote"))
                  .isEqualTo("Extension expected from the trade talks");
            });
            return id;
          });
    }).compose(id -> eventually(() -> published.stream()
        .filter(e -> "SUSPENSION_RENEWAL_PROBABILITY_SET".equals(e.getString("change"))
            && "TEST-LA-RENEW".equals(e.getString("measureId"))).findFirst().orElse(null))
        .map(event -> {
          test.verify(() -> {
            assertThat(event.getJsonArray("elements")).containsExactly("La");
            assertThat(event.getJsonArray("forms")).containsExactly("OXIDE");
            assertThat(event.getLong("suspensionId")).isEqualTo(id);
            assertThat(event.getDouble("renewalProbability")).isEqualTo(0.6);
            assertThat(event.getString("effectiveFrom")).isEqualTo("2026-11-30");
            assertThat(event.getJsonArray("dates")).containsExactly("2026-11-30", "2026-12-11");
          });
          return event;
        }))
        .onComplete(test.succeedingThenComplete());
  }

  @Test
  @DisplayName("a suspension whose last day has passed is a 409 that says so, and nothing changes")
  void endedSuspension(VertxTestContext test) {
    fixture.bus().request(Addresses.REGIME_MEASURE_GET, new JsonObject().put("id", "MOFCOM-GAC-2025-57"), ADMIN)
        .map(m -> m.getJsonArray("suspensions").getJsonObject(0).getLong("id"))
        .compose(id -> refused(renew("MOFCOM-GAC-2025-57", id, body(0.9, "too late"), ADMIN)).map(e -> {
          test.verify(() -> {
            assertRefused(e, FailureCode.CONFLICT, "suspensionId");
            assertThat(e.getMessage()).contains("ended on 2026-11-10").contains("has passed");
          });
          return id;
        }))
        .compose(id -> Future.all(suspensionOf("MOFCOM-GAC-2025-57", id), renewalHistory()).map(after -> {
          test.verify(() -> {
            assertThat(after.<JsonObject>resultAt(0).getDouble("renewalProbability")).isEqualTo(0.0);
            assertThat(after.<JsonObject>resultAt(0).containsKey("renewalNote")).isFalse();
            assertThat(after.<List<JsonObject>>resultAt(1))
                .noneMatch(e -> e.getString("entityId").equals(String.valueOf(id)));
          });
          return null;
        }))
        .onComplete(test.succeedingThenComplete());
  }

  @Test
  @DisplayName("supply conditions answer the futures: 0.4 LICENCE_REQUIRED as announced, 0.6 NOT_CONTROLLED extended; a scenario may set q")
  void futuresInSupplyConditions(VertxTestContext test) {
    suspendedRequirement("TEST-CE-FUTURES", "Ce", "2026-12-10")
        .compose(s -> renew("TEST-CE-FUTURES", s.getLong("id"), body(0.6, "talks"), ADMIN))
        .compose(s -> {
          JsonObject request = new JsonObject().put("asOf", "2026-11-30").put("positions", new JsonArray()
              .add(position("ce", "Ce", "OXIDE", 30)).add(position("nd", "Nd", "METAL", 30)));
          JsonObject scenario = request.copy().put("scenario", new JsonObject().put("changes", new JsonArray()
              .add(new JsonObject().put("type", "RENEWAL_PROBABILITY").put("measureId", "TEST-CE-FUTURES")
                  .put("suspensionId", s.getLong("id")).put("renewalProbability", 0.25))));
          JsonObject check = new JsonObject().put("elements", new JsonArray().add("Ce")).put("form", "OXIDE")
              .put("destination", "DE").put("endUse", "CIVIL").put("horizonDays", 30);
          return Future.all(fixture.bus().request(Addresses.SUPPLY_CONDITIONS, request, tenant("t-futures")),
              fixture.bus().request(Addresses.SUPPLY_CONDITIONS, scenario, tenant("t-futures")),
              fixture.bus().request(Addresses.LICENCE_CHECK, check, tenant("t-futures"))).map(all -> {
                test.verify(() -> {
                  JsonObject reply = all.resultAt(0);
                  JsonArray conditions = reply.getJsonArray("conditions");
                  assertThat(conditions.getJsonObject(0).getString("condition")).isEqualTo("LICENCE_REQUIRED");
                  JsonObject ce = reply.getJsonArray("determinations")
                      .getJsonObject(conditions.getJsonObject(0).getInteger("determination"));
                  JsonArray futures = ce.getJsonArray("futures");
                  JsonObject suspension = new JsonObject().put("measureId", "TEST-CE-FUTURES")
                      .put("suspensionId", s.getLong("id")).put("reference", "TEST-CE-FUTURES-SUSPENSION")
                      .put("until", "2026-12-10");
                  assertThat(futures.encode()).isEqualTo(new JsonArray()
                      .add(new JsonObject().put("weight", 0.4).put("decision", "LICENCE_REQUIRED")
                          .put("condition", "LICENCE_REQUIRED")
                          .put("suspensions", new JsonArray().add(suspension.copy().put("extended", false))))
                      .add(new JsonObject().put("weight", 0.6).put("decision", "NOT_REQUIRED")
                          .put("condition", "NOT_CONTROLLED")
                          .put("suspensions", new JsonArray().add(suspension.copy().put("extended", true))))
                      .encode());
                  assertThat(ce.getString("explanation")).contains("with probability 0.6")
                      .contains("0.4 LICENCE_REQUIRED (every suspension ends as announced), 0.6 NOT_CONTROLLED");
                  JsonObject nd = reply.getJsonArray("determinations")
                      .getJsonObject(conditions.getJsonObject(1).getInteger("determination"));
                  assertThat(nd.getJsonArray("futures").encode())
                      .isEqualTo("[{\"weight\":1,\"decision\":\"NOT_REQUIRED\",\"condition\":\"NOT_CONTROLLED\",\"suspensions\":[]}]");

                  JsonObject underScenario = all.<JsonObject>resultAt(1).getJsonArray("determinations").getJsonObject(0);
                  assertThat(underScenario.getJsonArray("futures").stream()
                      .map(f -> ((JsonObject) f).getValue("weight").toString())).containsExactly("0.75", "0.25");

                  JsonObject checked = all.resultAt(2);
                  assertThat(checked.getString("decision")).isEqualTo("LICENCE_REQUIRED");
                  assertThat(checked.getJsonArray("futures")).hasSize(2);
                  assertThat(checked.getJsonArray("futures").getJsonObject(0).getString("decision"))
                      .isEqualTo("LICENCE_REQUIRED");
                });
                return null;
              });
        })
        .onComplete(test.succeedingThenComplete());
  }

  /** Polls (every 50 ms, up to 10 s) until {@code found} answers something. */
  private static <T> Future<T> eventually(java.util.function.Supplier<T> found) {
    io.vertx.core.Promise<T> promise = io.vertx.core.Promise.promise();
    Vertx vertx = io.vertx.core.Vertx.currentContext().owner();
    long deadline = System.currentTimeMillis() + 10_000;
    vertx.setPeriodic(50, timer -> {
      T value = found.get();
      if (value != null || System.currentTimeMillis() > deadline) {
        vertx.cancelTimer(timer);
        if (value != null) {
          promise.complete(value);
        } else {
          promise.fail(new AssertionError("nothing came within 10 s"));
        }
      }
    });
    return promise.future();
  }
}
