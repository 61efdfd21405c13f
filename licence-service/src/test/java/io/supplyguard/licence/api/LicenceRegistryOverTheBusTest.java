package io.supplyguard.licence.api;

import static io.supplyguard.licence.api.LicenceFixture.assertRefused;
import static io.supplyguard.licence.api.LicenceFixture.generalLicence;
import static io.supplyguard.licence.api.LicenceFixture.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.common.bus.Addresses;
import io.supplyguard.common.bus.FailureCode;
import io.supplyguard.common.bus.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The licence registry over the bus, against a real PostgreSQL: registration, lifecycle, isolation, audit, lists, events. Today is Monday 2026-11-30. */
class LicenceRegistryOverTheBusTest extends LicenceBusTest {
  @Test
  @DisplayName("a GENERAL licence starts ACTIVE for one year; an INDIVIDUAL application is APPLIED with its decision due in 45 working days")
  void registration(VertxTestContext test) {
    fixture.register("t-reg", generalLicence(500)).compose(general -> {
      test.verify(() -> {
        assertThat(general.getString("status")).isEqualTo("ACTIVE");
        assertThat(general.getString("validFrom")).isEqualTo("2026-11-30");
        assertThat(general.getString("validTo")).isEqualTo("2027-11-29");
        assertThat(general.getDouble("remainingKg")).isEqualTo(500.0);
        assertThat(general.getDouble("utilisation")).isEqualTo(0.0);
        assertThat(general.containsKey("decisionDueBy")).isFalse();
      });
      return fixture.register("t-reg", generalLicence(50).put("type", "INDIVIDUAL").put("validTo", "2027-05-31"));
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
    // The contract's refusals come first; the regime's (an unknown element) once the message is on the contract.
    fixture.register("t-bad", bad).onComplete(test.failing(failure -> test.verify(() -> {
      assertRefused(failure, FailureCode.BAD_REQUEST, "destination", "quantityKg", "status");
      fixture.register("t-bad", generalLicence(100).put("elements", new JsonArray().add("Xx")))
          .onComplete(test.failing(unknown -> test.verify(() -> {
            assertRefused(unknown, FailureCode.BAD_REQUEST, "elements[0]");
            fixture.bus().request(Addresses.LICENCE_LIST, new JsonObject(), tenant("t-bad"))
                .onComplete(test.succeeding(list -> test.verify(() -> {
                  assertThat(list.getJsonArray("licences")).isEmpty();
                  test.completeNow();
                })));
          })));
    })));
  }

  @Test
  @DisplayName("an INDIVIDUAL licence valid for more than a year is refused on validTo")
  void individualValidity(VertxTestContext test) {
    fixture.register("t-bad2", generalLicence(10).put("type", "INDIVIDUAL").put("validTo", "2028-01-31"))
        .onComplete(test.failing(failure -> test.verify(() -> {
          assertRefused(failure, FailureCode.BAD_REQUEST, "validTo");
          test.completeNow();
        })));
  }

  @Test
  @DisplayName("transitions follow the lifecycle; any other is a 409 listing the allowed ones")
  void lifecycle(VertxTestContext test) {
    fixture.register("t-life", generalLicence(10).put("type", "INDIVIDUAL")).compose(applied -> {
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
    return fixture.bus().request(Addresses.LICENCE_TRANSITION, new JsonObject().put("id", id).put("status", status), tenant(tenantId));
  }

  @Test
  @DisplayName("another tenant's licence does not exist for the caller: not found, and never listed")
  void tenantIsolation(VertxTestContext test) {
    fixture.register("t-owner", generalLicence(10)).compose(own -> {
      String id = own.getString("id");
      return fixture.bus().request(Addresses.LICENCE_GET, new JsonObject().put("id", id), tenant("t-stranger"))
          .recover(notFound -> {
            test.verify(() -> assertRefused(notFound, FailureCode.NOT_FOUND));
            return fixture.bus().request(Addresses.LICENCE_DRAWDOWN, new JsonObject().put("id", id).put("quantityKg", 1)
                .put("shipmentRef", "S"), tenant("t-stranger"));
          })
          .recover(notFound -> {
            test.verify(() -> assertRefused(notFound, FailureCode.NOT_FOUND));
            return fixture.bus().request(Addresses.LICENCE_LIST, new JsonObject(), tenant("t-stranger"));
          });
    }).onComplete(test.succeeding(list -> test.verify(() -> {
      assertThat(list.getJsonArray("licences")).isEmpty();
      test.completeNow();
    })));
  }

  @Test
  @DisplayName("a drawdown on a licence not yet valid is a 409, and the history records who did what with before and after")
  void validityAndHistory(VertxTestContext test) {
    fixture.register("t-hist", generalLicence(100).put("validFrom", "2027-01-01").put("validTo", "2027-12-31"))
        .compose(licence -> {
          String id = licence.getString("id");
          return fixture.bus().request(Addresses.LICENCE_DRAWDOWN, new JsonObject().put("id", id).put("quantityKg", 1)
                  .put("shipmentRef", "EARLY"), tenant("t-hist"))
              .recover(early -> {
                test.verify(() -> assertRefused(early, FailureCode.CONFLICT));
                return transition("t-hist", id, "SUSPENDED");
              })
              .compose(v -> fixture.bus().request(Addresses.LICENCE_HISTORY, new JsonObject().put("id", id), tenant("t-hist")));
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
  @DisplayName("the audit trail cannot be changed or deleted")
  void auditIsAppendOnly(VertxTestContext test) {
    fixture.register("t-audit", generalLicence(5))
        .compose(v -> fixture.db().query("UPDATE licence.audit_event SET action = 'FORGED'").execute())
        .onComplete(test.failing(update -> test.verify(() -> {
          assertThat(update.getMessage()).contains("never changed");
          fixture.db().query("DELETE FROM licence.audit_event").execute().onComplete(test.failing(delete -> test.verify(() -> {
            assertThat(delete.getMessage()).contains("never changed");
            test.completeNow();
          })));
        })));
  }

  @Test
  @DisplayName("lists filter by status, element and expiry, and show utilisation")
  void lists(VertxTestContext test) {
    fixture.register("t-list", generalLicence(100).put("validTo", "2026-12-20"))
        .compose(soon -> fixture.register("t-list", generalLicence(100).put("elements", new JsonArray().add("Ho"))))
        .compose(ho -> fixture.bus().request(Addresses.LICENCE_DRAWDOWN, new JsonObject().put("id", ho.getString("id"))
            .put("quantityKg", 25).put("shipmentRef", "X"), tenant("t-list")))
        .compose(v -> Future.all(
            fixture.bus().request(Addresses.LICENCE_LIST, new JsonObject().put("expiringWithinDays", 30), tenant("t-list")),
            fixture.bus().request(Addresses.LICENCE_LIST, new JsonObject().put("element", "Ho"), tenant("t-list")),
            fixture.bus().request(Addresses.LICENCE_LIST, new JsonObject().put("status", "APPLIED"), tenant("t-list"))))
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
        .compose(v -> fixture.register("t-events", generalLicence(60)))
        .compose(licence -> fixture.bus().request(Addresses.LICENCE_DRAWDOWN, new JsonObject().put("id", licence.getString("id"))
            .put("quantityKg", 2).put("shipmentRef", "E"), tenant("t-events")))
        .onFailure(test::failNow);
  }
}
