package io.supplyguard.licence.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.common.bus.Addresses;
import io.supplyguard.common.bus.BusClient;
import io.supplyguard.common.bus.FailureCode;
import io.supplyguard.common.bus.FieldError;
import io.supplyguard.common.bus.Role;
import io.supplyguard.common.bus.ServiceException;
import io.supplyguard.common.testing.MutableClock;
import io.supplyguard.common.testing.TestPostgres;
import io.supplyguard.common.testing.TestServices;
import io.supplyguard.licence.LicenceService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** The licence registry over the bus, against a real PostgreSQL. Today is Monday 2026-11-30. */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LicenceRegistryOverTheBusTest {
  private static final MutableClock CLOCK = MutableClock.at(LocalDate.parse("2026-11-30"));

  private BusClient bus;
  private Pool db;

  @BeforeAll
  void start(Vertx vertx, VertxTestContext test) {
    JsonObject database = TestPostgres.newDatabase();
    bus = new BusClient(vertx, Duration.ofSeconds(10));
    db = PgBuilder.pool().connectingTo(new PgConnectOptions().setHost("127.0.0.1")
        .setPort(Integer.parseInt(database.getString("PGPORT"))).setDatabase(database.getString("PGDATABASE"))
        .setUser("postgres").setPassword("")).using(vertx).build();
    TestServices.start(vertx, new LicenceService(), database, CLOCK).onComplete(test.succeedingThenComplete());
  }

  private static BusClient.Caller tenant(String id) {
    return new BusClient.Caller(UUID.randomUUID().toString(), id, Role.TENANT);
  }

  private static BusClient.Caller tenant(String id, String idempotencyKey) {
    return new BusClient.Caller(UUID.randomUUID().toString(), id, Role.TENANT, idempotencyKey);
  }

  private static JsonObject generalLicence(double cap) {
    return new JsonObject().put("type", "GENERAL").put("exporter", "JL Mag").put("elements", new JsonArray().add("Dy").add("Tb"))
        .put("forms", new JsonArray().add("MAGNET")).put("quantityKg", cap).put("destination", "DE").put("endUse", "CIVIL");
  }

  private Future<JsonObject> register(String tenantId, JsonObject body) {
    return bus.request(Addresses.LICENCE_REGISTER, body, tenant(tenantId));
  }

  private static void assertRefused(Throwable failure, FailureCode code, String... fields) {
    assertThat(failure).isInstanceOf(ServiceException.class);
    ServiceException e = (ServiceException) failure;
    assertThat(e.code()).isEqualTo(code);
    if (fields.length > 0) {
      assertThat(e.errors()).extracting(FieldError::field).contains(fields);
    }
  }

  @Test
  @DisplayName("a GENERAL licence starts ACTIVE for one year; an INDIVIDUAL application is APPLIED with its decision due in 45 working days")
  void registration(VertxTestContext test) {
    register("t-reg", generalLicence(500)).compose(general -> {
      test.verify(() -> {
        assertThat(general.getString("status")).isEqualTo("ACTIVE");
        assertThat(general.getString("validFrom")).isEqualTo("2026-11-30");
        assertThat(general.getString("validTo")).isEqualTo("2027-11-29");
        assertThat(general.getDouble("remainingKg")).isEqualTo(500.0);
        assertThat(general.getDouble("utilisation")).isEqualTo(0.0);
        assertThat(general.containsKey("decisionDueBy")).isFalse();
      });
      return register("t-reg", generalLicence(50).put("type", "INDIVIDUAL").put("validTo", "2027-05-31"));
    }).onComplete(test.succeeding(individual -> test.verify(() -> {
      assertThat(individual.getString("status")).isEqualTo("APPLIED");
      assertThat(individual.getString("decisionDueBy")).isEqualTo("2027-02-01");
      test.completeNow();
    })));
  }

  @Test
  @DisplayName("bad input is refused naming each field, and stores nothing")
  void validation(VertxTestContext test) {
    JsonObject bad = generalLicence(100).put("type", "INDIVIDUAL").put("elements", new JsonArray().add("Xx"))
        .put("destination", "Germany").put("quantityKg", -3).put("validTo", "2028-12-31").put("status", "EXHAUSTED");
    register("t-bad", bad).onComplete(test.failing(failure -> test.verify(() -> {
      assertRefused(failure, FailureCode.BAD_REQUEST, "elements[0]", "destination", "quantityKg", "status");
      bus.request(Addresses.LICENCE_LIST, new JsonObject(), tenant("t-bad")).onComplete(test.succeeding(list ->
          test.verify(() -> {
            assertThat(list.getJsonArray("licences")).isEmpty();
            test.completeNow();
          })));
    })));
  }

  @Test
  @DisplayName("an INDIVIDUAL licence valid for more than a year is refused on validTo")
  void individualValidity(VertxTestContext test) {
    register("t-bad2", generalLicence(10).put("type", "INDIVIDUAL").put("validTo", "2028-01-31"))
        .onComplete(test.failing(failure -> test.verify(() -> {
          assertRefused(failure, FailureCode.BAD_REQUEST, "validTo");
          test.completeNow();
        })));
  }

  @Test
  @DisplayName("transitions follow the lifecycle; any other is a 409 listing the allowed ones")
  void lifecycle(VertxTestContext test) {
    register("t-life", generalLicence(10).put("type", "INDIVIDUAL")).compose(applied -> {
      String id = applied.getString("id");
      return transition("t-life", id, "ACTIVE")
          .compose(active -> {
            test.verify(() -> assertThat(active.getString("status")).isEqualTo("ACTIVE"));
            return transition("t-life", id, "APPLIED");
          })
          .recover(refused -> {
            test.verify(() -> {
              assertRefused(refused, FailureCode.CONFLICT, "status");
              assertThat(((ServiceException) refused).extensions().getJsonArray("allowed"))
                  .containsExactly("REVOKED", "SUSPENDED");
            });
            return transition("t-life", id, "EXPIRED");
          })
          .recover(refused -> {
            test.verify(() -> assertRefused(refused, FailureCode.CONFLICT));
            return transition("t-life", id, "SUSPENDED");
          })
          .compose(suspended -> transition("t-life", id, "ACTIVE"));
    }).onComplete(test.succeeding(back -> test.verify(() -> {
      assertThat(back.getString("status")).isEqualTo("ACTIVE");
      test.completeNow();
    })));
  }

  private Future<JsonObject> transition(String tenantId, String id, String status) {
    return bus.request(Addresses.LICENCE_TRANSITION, new JsonObject().put("id", id).put("status", status), tenant(tenantId));
  }

  @Test
  @DisplayName("another tenant's licence does not exist for the caller: not found, and never listed")
  void tenantIsolation(VertxTestContext test) {
    register("t-owner", generalLicence(10)).compose(own -> {
      String id = own.getString("id");
      return bus.request(Addresses.LICENCE_GET, new JsonObject().put("id", id), tenant("t-stranger"))
          .recover(notFound -> {
            test.verify(() -> assertRefused(notFound, FailureCode.NOT_FOUND));
            return bus.request(Addresses.LICENCE_DRAWDOWN, new JsonObject().put("id", id).put("quantityKg", 1)
                .put("shipmentRef", "S"), tenant("t-stranger"));
          })
          .recover(notFound -> {
            test.verify(() -> assertRefused(notFound, FailureCode.NOT_FOUND));
            return bus.request(Addresses.LICENCE_LIST, new JsonObject(), tenant("t-stranger"));
          });
    }).onComplete(test.succeeding(list -> test.verify(() -> {
      assertThat(list.getJsonArray("licences")).isEmpty();
      test.completeNow();
    })));
  }

  @Test
  @DisplayName("200 concurrent drawdowns of 7 kg on a 1,000 kg licence: 142 succeed, 58 are refused, 994 kg drawn")
  void concurrentDrawdownsNeverOverdraw(VertxTestContext test) {
    register("t-race", generalLicence(1000)).compose(licence -> {
      String id = licence.getString("id");
      List<Future<JsonObject>> draws = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        draws.add(bus.request(Addresses.LICENCE_DRAWDOWN, new JsonObject().put("id", id).put("quantityKg", 7)
            .put("shipmentRef", "SHIP-" + i), tenant("t-race", "race-" + i)));
      }
      return Future.join(draws).otherwiseEmpty().map(v -> {
        long ok = draws.stream().filter(Future::succeeded).count();
        long conflicts = draws.stream().filter(f -> f.failed()
            && ((ServiceException) f.cause()).code() == FailureCode.CONFLICT).count();
        test.verify(() -> {
          assertThat(ok).isEqualTo(142);
          assertThat(conflicts).isEqualTo(58);
        });
        return id;
      });
    }).compose(id -> bus.request(Addresses.LICENCE_GET, new JsonObject().put("id", id), tenant("t-race")))
        .compose(licence -> db.query("SELECT count(*) AS n, sum(quantity_kg) AS kg FROM licence.drawdown WHERE licence_id = '"
            + licence.getString("id") + "'").execute().map(rows -> {
              test.verify(() -> {
                assertThat(licence.getDouble("drawnKg")).isEqualTo(994.0);
                assertThat(licence.getDouble("remainingKg")).isEqualTo(6.0);
                assertThat(licence.getString("status")).isEqualTo("ACTIVE");
                assertThat(rows.iterator().next().getLong("n")).isEqualTo(142);
                assertThat(rows.iterator().next().getBigDecimal("kg")).isEqualByComparingTo("994");
              });
              return licence;
            }))
        .onComplete(test.succeedingThenComplete());
  }

  @Test
  @DisplayName("a replay with the same key answers the first response and draws nothing; another body is a 422")
  void idempotentDrawdowns(VertxTestContext test) {
    register("t-idem", generalLicence(100)).compose(licence -> {
      String id = licence.getString("id");
      JsonObject body = new JsonObject().put("id", id).put("quantityKg", 10).put("shipmentRef", "S-1");
      return bus.request(Addresses.LICENCE_DRAWDOWN, body, tenant("t-idem", "key-1"))
          .compose(first -> bus.request(Addresses.LICENCE_DRAWDOWN, body.copy(), tenant("t-idem", "key-1"))
              .map(second -> {
                test.verify(() -> {
                  assertThat(second).isEqualTo(first);
                  assertThat(second.getDouble("remainingKg")).isEqualTo(90.0);
                });
                return second;
              }))
          .compose(v -> bus.request(Addresses.LICENCE_DRAWDOWN, body.copy().put("quantityKg", 11),
              tenant("t-idem", "key-1")))
          .recover(unprocessable -> {
            test.verify(() -> assertRefused(unprocessable, FailureCode.UNPROCESSABLE));
            return bus.request(Addresses.LICENCE_GET, new JsonObject().put("id", id), tenant("t-idem"));
          });
    }).onComplete(test.succeeding(licence -> test.verify(() -> {
      assertThat(licence.getDouble("drawnKg")).isEqualTo(10.0);
      test.completeNow();
    })));
  }

  @Test
  @DisplayName("drawing to the cap exhausts the licence; then, and on a licence not ACTIVE, drawdowns are 409")
  void exhaustionAndStatus(VertxTestContext test) {
    register("t-cap", generalLicence(20)).compose(licence -> {
      String id = licence.getString("id");
      return bus.request(Addresses.LICENCE_DRAWDOWN, new JsonObject().put("id", id).put("quantityKg", 20)
              .put("shipmentRef", "ALL"), tenant("t-cap"))
          .compose(all -> {
            test.verify(() -> {
              assertThat(all.getString("licenceStatus")).isEqualTo("EXHAUSTED");
              assertThat(all.getDouble("remainingKg")).isEqualTo(0.0);
            });
            return bus.request(Addresses.LICENCE_DRAWDOWN, new JsonObject().put("id", id).put("quantityKg", 0.001)
                .put("shipmentRef", "MORE"), tenant("t-cap"));
          });
    }).onComplete(test.failing(refused -> test.verify(() -> {
      assertRefused(refused, FailureCode.CONFLICT);
      assertThat(((ServiceException) refused).extensions().getString("licenceStatus")).isEqualTo("EXHAUSTED");
      test.completeNow();
    })));
  }

  @Test
  @DisplayName("a drawdown on a licence not yet valid is a 409, and the history records who did what with before and after")
  void validityAndHistory(VertxTestContext test) {
    register("t-hist", generalLicence(100).put("validFrom", "2027-01-01").put("validTo", "2027-12-31"))
        .compose(licence -> {
          String id = licence.getString("id");
          return bus.request(Addresses.LICENCE_DRAWDOWN, new JsonObject().put("id", id).put("quantityKg", 1)
                  .put("shipmentRef", "EARLY"), tenant("t-hist"))
              .recover(early -> {
                test.verify(() -> assertRefused(early, FailureCode.CONFLICT));
                return transition("t-hist", id, "SUSPENDED");
              })
              .compose(v -> bus.request(Addresses.LICENCE_HISTORY, new JsonObject().put("id", id), tenant("t-hist")));
        }).onComplete(test.succeeding(history -> test.verify(() -> {
          JsonArray events = history.getJsonArray("events");
          assertThat(events.stream().map(e -> ((JsonObject) e).getString("action"))).containsExactly("REGISTERED", "SUSPENDED");
          JsonObject suspended = events.getJsonObject(1);
          assertThat(suspended.getJsonObject("before").getString("status")).isEqualTo("ACTIVE");
          assertThat(suspended.getJsonObject("after").getString("status")).isEqualTo("SUSPENDED");
          assertThat(suspended.getJsonObject("actor").getString("tenantId")).isEqualTo("t-hist");
          test.completeNow();
        })));
  }

  @Test
  @DisplayName("a drawdown after validTo is a 409, even before the calendar has expired the licence")
  void drawdownAfterValidTo(VertxTestContext test) {
    register("t-late", generalLicence(100).put("validFrom", "2026-01-01").put("validTo", "2026-11-29"))
        .compose(licence -> bus.request(Addresses.LICENCE_DRAWDOWN, new JsonObject().put("id", licence.getString("id"))
            .put("quantityKg", 1).put("shipmentRef", "LATE"), tenant("t-late")))
        .onComplete(test.failing(late -> test.verify(() -> {
          assertRefused(late, FailureCode.CONFLICT);
          assertThat(((ServiceException) late).detail()).contains("2026-11-29");
          test.completeNow();
        })));
  }

  @Test
  @DisplayName("the audit trail cannot be changed or deleted")
  void auditIsAppendOnly(VertxTestContext test) {
    register("t-audit", generalLicence(5))
        .compose(v -> db.query("UPDATE licence.audit_event SET action = 'FORGED'").execute())
        .onComplete(test.failing(update -> test.verify(() -> {
          assertThat(update.getMessage()).contains("never changed");
          db.query("DELETE FROM licence.audit_event").execute().onComplete(test.failing(delete -> test.verify(() -> {
            assertThat(delete.getMessage()).contains("never changed");
            test.completeNow();
          })));
        })));
  }

  @Test
  @DisplayName("lists filter by status, element and expiry, and show utilisation")
  void lists(VertxTestContext test) {
    register("t-list", generalLicence(100).put("validTo", "2026-12-20"))
        .compose(soon -> register("t-list", generalLicence(100).put("elements", new JsonArray().add("Ho"))))
        .compose(ho -> bus.request(Addresses.LICENCE_DRAWDOWN, new JsonObject().put("id", ho.getString("id"))
            .put("quantityKg", 25).put("shipmentRef", "X"), tenant("t-list")))
        .compose(v -> Future.all(
            bus.request(Addresses.LICENCE_LIST, new JsonObject().put("expiringWithinDays", 30), tenant("t-list")),
            bus.request(Addresses.LICENCE_LIST, new JsonObject().put("element", "Ho"), tenant("t-list")),
            bus.request(Addresses.LICENCE_LIST, new JsonObject().put("status", "APPLIED"), tenant("t-list"))))
        .onComplete(test.succeeding(all -> test.verify(() -> {
          JsonArray expiring = all.<JsonObject>resultAt(0).getJsonArray("licences");
          JsonArray holmium = all.<JsonObject>resultAt(1).getJsonArray("licences");
          assertThat(expiring).hasSize(1);
          assertThat(expiring.getJsonObject(0).getString("validTo")).isEqualTo("2026-12-20");
          assertThat(holmium).hasSize(1);
          assertThat(holmium.getJsonObject(0).getDouble("utilisation")).isEqualTo(0.25);
          assertThat(all.<JsonObject>resultAt(2).getJsonArray("licences")).isEmpty();
          test.completeNow();
        })));
  }

  @Test
  @DisplayName("every licence change is published on licence.changed with what the inventory needs")
  void changesArePublished(Vertx vertx, VertxTestContext test) {
    vertx.eventBus().<JsonObject>consumer(Addresses.LICENCE_CHANGED, event -> {
      JsonObject change = event.body();
      if ("t-events".equals(change.getString("tenantId")) && "DRAWN".equals(change.getString("change"))) {
        test.verify(() -> {
          assertThat(change.getDouble("remainingKg")).isEqualTo(58.0);
          assertThat(change.getJsonArray("elements")).containsExactly("Dy", "Tb");
          assertThat(change.getString("status")).isEqualTo("ACTIVE");
          assertThat(change.getString("validTo")).isEqualTo("2027-11-29");
        });
        test.completeNow();
      }
    }).completion()
        .compose(v -> register("t-events", generalLicence(60)))
        .compose(licence -> bus.request(Addresses.LICENCE_DRAWDOWN, new JsonObject().put("id", licence.getString("id"))
            .put("quantityKg", 2).put("shipmentRef", "E"), tenant("t-events")))
        .onFailure(test::failNow);
  }

  @Test
  @DisplayName("a check names the covering licence and what would remain; conditions answer a batch in one trip")
  void determinations(VertxTestContext test) {
    register("t-check", generalLicence(1000)).compose(licence -> Future.all(
        bus.request(Addresses.LICENCE_CHECK, new JsonObject().put("elements", new JsonArray().add("Nd").add("Dy").add("Tb"))
            .put("form", "MAGNET").put("destination", "DE").put("endUse", "CIVIL").put("quantityKg", 300)
            .put("horizonDays", 30), tenant("t-check")),
        bus.request(Addresses.SUPPLY_CONDITIONS, new JsonObject().put("asOf", "2026-10-01").put("positions", new JsonArray()
            .add(position("a", "Ho", "OXIDE", 60))
            .add(position("b", "Nd", "METAL", 60))
            .add(position("c", "Dy", "MAGNET", 30).put("elements", new JsonArray().add("Dy").add("Tb")))), tenant("t-check")))
        .map(all -> {
          test.verify(() -> {
            JsonObject check = all.resultAt(0);
            assertThat(check.getString("decision")).isEqualTo("COVERED");
            assertThat(check.getJsonObject("coveredBy").getString("licenceId")).isEqualTo(licence.getString("id"));
            assertThat(check.getJsonObject("coveredBy").getDouble("remainingAfterKg")).isEqualTo(700.0);
            JsonObject batch = all.resultAt(1);
            JsonArray conditions = batch.getJsonArray("conditions");
            assertThat(conditions.getJsonObject(0).getString("condition")).isEqualTo("LICENCE_REQUIRED");
            JsonObject holmium = batch.getJsonArray("determinations")
                .getJsonObject(conditions.getJsonObject(0).getInteger("determination"));
            assertThat(holmium.getJsonArray("suspensionsEndingInHorizon").getJsonObject(0).getString("until"))
                .isEqualTo("2026-11-10");
            assertThat(conditions.getJsonObject(1).getString("condition")).isEqualTo("NOT_CONTROLLED");
            assertThat(conditions.getJsonObject(2).getString("condition")).isEqualTo("LICENCE_REQUIRED");
          });
          return null;
        })).onComplete(test.succeedingThenComplete());
  }

  @Test
  @DisplayName("conditions carry the review time T and, under a scenario, answer what the changes would give without storing them")
  void scenarioConditions(VertxTestContext test) {
    JsonObject positions = new JsonObject().put("asOf", "2026-10-01")
        .put("positions", new JsonArray().add(position("ho", "Ho", "OXIDE", 60)));
    JsonObject extended = positions.copy().put("scenario", new JsonObject().put("changes", new JsonArray()
        .add(new JsonObject().put("type", "SUSPENSION_EXTENDED").put("reference", "MOFCOM-GAC-2025-70")
            .put("until", "2027-11-10"))));
    Future.all(bus.request(Addresses.SUPPLY_CONDITIONS, positions, tenant("t-scenario")),
            bus.request(Addresses.SUPPLY_CONDITIONS, extended, tenant("t-scenario")))
        .compose(both -> bus.request(Addresses.SUPPLY_CONDITIONS, positions, tenant("t-scenario")).map(after -> {
          test.verify(() -> {
            JsonObject now = both.<JsonObject>resultAt(0);
            assertThat(now.getInteger("reviewDays")).isEqualTo(63);
            assertThat(now.getJsonArray("conditions").getJsonObject(0).getString("condition")).isEqualTo("LICENCE_REQUIRED");
            assertThat(both.<JsonObject>resultAt(1).getJsonArray("conditions").getJsonObject(0).getString("condition"))
                .isEqualTo("NOT_CONTROLLED");
            assertThat(after.getJsonArray("conditions").getJsonObject(0).getString("condition")).isEqualTo("LICENCE_REQUIRED");
          });
          return after;
        }))
        .onComplete(test.succeedingThenComplete());
  }

  @Test
  @DisplayName("positions alike share one determination in a batch")
  void sharedDeterminations(VertxTestContext test) {
    JsonArray positions = new JsonArray();
    for (int i = 0; i < 50; i++) {
      positions.add(position("dy-" + i, "Dy", "OXIDE", 30)).add(position("nd-" + i, "Nd", "METAL", 30));
    }
    bus.request(Addresses.SUPPLY_CONDITIONS, new JsonObject().put("positions", positions), tenant("t-shared"))
        .onComplete(test.succeeding(reply -> test.verify(() -> {
          assertThat(reply.getJsonArray("conditions")).hasSize(100);
          assertThat(reply.getJsonArray("determinations")).hasSize(2);
          assertThat(reply.getJsonArray("conditions").getJsonObject(99).getString("condition")).isEqualTo("NOT_CONTROLLED");
          test.completeNow();
        })));
  }

  private static JsonObject position(String key, String element, String form, int leadTime) {
    return new JsonObject().put("key", key).put("elements", new JsonArray().add(element)).put("form", form)
        .put("destination", "DE").put("endUse", "CIVIL").put("orderQuantityKg", 300).put("horizonDays", leadTime)
        .put("leadTimeDays", leadTime);
  }
}
