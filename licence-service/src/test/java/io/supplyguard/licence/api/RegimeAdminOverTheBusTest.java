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
import io.vertx.junit5.Checkpoint;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** Operators change the regime over the bus; the state of the elements follows at once. */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegimeAdminOverTheBusTest {
  private static final BusClient.Caller ADMIN = new BusClient.Caller("admin-req", null, Role.ADMIN);
  private static final BusClient.Caller TENANT = new BusClient.Caller("tenant-req", "t-1", Role.TENANT);

  private BusClient bus;

  @BeforeAll
  void start(Vertx vertx, VertxTestContext test) {
    bus = new BusClient(vertx, Duration.ofSeconds(10));
    TestServices.start(vertx, new LicenceService(), TestPostgres.newDatabase(),
        MutableClock.at(LocalDate.parse("2026-10-01"))).onComplete(test.succeedingThenComplete());
  }

  private static JsonObject measure(String id) {
    return new JsonObject().put("id", id).put("issuer", "MOFCOM").put("title", "Test controls on lanthanum")
        .put("kind", "LICENCE_REQUIRED").put("issuedOn", "2026-09-01").put("inForceFrom", "2026-12-01")
        .put("elements", new JsonArray().add("La")).put("forms", new JsonArray().add("OXIDE"))
        .put("source", "test announcement");
  }

  private static void assertRefused(Throwable failure, FailureCode code, String... fields) {
    ServiceException e = (ServiceException) failure;
    assertThat(e.code()).isEqualTo(code);
    assertThat(e.errors()).extracting(FieldError::field).contains(fields);
  }

  private Future<JsonObject> state(String symbol, String asOf) {
    return bus.request(Addresses.REGIME_ELEMENTS, new JsonObject().put("asOf", asOf), TENANT).map(reply ->
        reply.getJsonArray("elements").stream().map(JsonObject.class::cast)
            .filter(e -> e.getString("symbol").equals(symbol)).findFirst().orElseThrow());
  }

  @Test
  @DisplayName("only ADMIN changes the regime")
  void tenantIsForbidden(VertxTestContext test) {
    bus.request(Addresses.REGIME_MEASURE_CREATE, measure("TEST-FORBIDDEN"), TENANT)
        .onComplete(test.failing(failure -> test.verify(() -> {
          assertThat(((ServiceException) failure).code()).isEqualTo(FailureCode.FORBIDDEN);
          test.completeNow();
        })));
  }

  @Test
  @DisplayName("a new measure takes effect on its date, is published with its elements, and its id cannot be reused")
  void createMeasure(Vertx vertx, VertxTestContext test) {
    Checkpoint published = test.checkpoint();
    Checkpoint refusedTwice = test.checkpoint();
    vertx.eventBus().<JsonObject>consumer(Addresses.REGIME_CHANGED, event -> {
      if ("TEST-LA-1".equals(event.body().getString("measureId"))) {
        test.verify(() -> {
          assertThat(event.body().getString("change")).isEqualTo("MEASURE_CREATED");
          assertThat(event.body().getJsonArray("elements")).containsExactly("La");
          assertThat(event.body().getString("effectiveFrom")).isEqualTo("2026-12-01");
        });
        published.flag();
      }
    }).completion()
        .compose(v -> bus.request(Addresses.REGIME_MEASURE_CREATE, measure("TEST-LA-1"), ADMIN))
        .compose(created -> Future.all(state("La", "2026-11-30"), state("La", "2026-12-01")))
        .compose(states -> {
          test.verify(() -> {
            assertThat(states.<JsonObject>resultAt(0).getString("state")).isEqualTo("NOT_CONTROLLED");
            assertThat(states.<JsonObject>resultAt(1).getString("state")).isEqualTo("LICENCE_REQUIRED");
          });
          return bus.request(Addresses.REGIME_MEASURE_CREATE, measure("TEST-LA-1"), ADMIN);
        })
        .onComplete(test.failing(duplicate -> test.verify(() -> {
          assertRefused(duplicate, FailureCode.CONFLICT, "id");
          refusedTwice.flag();
        })));
  }

  @Test
  @DisplayName("the element states of a date, kept encoded between requests, follow a change of the regime at once")
  void keptStatesFollowChanges(VertxTestContext test) {
    JsonObject praseodymium = measure("TEST-PR-1").put("elements", new JsonArray().add("Pr"));
    state("Pr", "2026-12-20")
        .compose(before -> {
          test.verify(() -> assertThat(before.getString("state")).isEqualTo("NOT_CONTROLLED"));
          return state("Pr", "2026-12-20");
        })
        .compose(again -> bus.request(Addresses.REGIME_MEASURE_CREATE, praseodymium, ADMIN))
        .compose(created -> state("Pr", "2026-12-20"))
        .onComplete(test.succeeding(after -> test.verify(() -> {
          assertThat(after.getString("state")).isEqualTo("LICENCE_REQUIRED");
          test.completeNow();
        })));
  }

  @Test
  @DisplayName("an unknown element or form, a bad date or an end before the start is a 400 naming each field")
  void invalidMeasure(VertxTestContext test) {
    JsonObject bad = measure("TEST-BAD").put("elements", new JsonArray().add("Xx")).put("forms", new JsonArray().add("POWDER"))
        .put("inForceUntil", "2026-01-01");
    // A date that is none is the contract's refusal, before the regime's own checks run.
    bus.request(Addresses.REGIME_MEASURE_CREATE, bad.copy().put("issuedOn", "2026-02-30"), ADMIN)
        .onComplete(test.failing(dateless -> test.verify(() ->
            assertRefused(dateless, FailureCode.BAD_REQUEST, "issuedOn"))))
        .recover(v -> bus.request(Addresses.REGIME_MEASURE_CREATE, bad, ADMIN))
        .onComplete(test.failing(failure -> test.verify(() -> {
      assertRefused(failure, FailureCode.BAD_REQUEST, "elements[0]", "forms[0]", "inForceUntil");
      bus.request(Addresses.REGIME_MEASURE_GET, new JsonObject().put("id", "TEST-BAD"), ADMIN)
          .onComplete(test.failing(notFound -> test.verify(() -> {
            assertThat(((ServiceException) notFound).code()).isEqualTo(FailureCode.NOT_FOUND);
            test.completeNow();
          })));
    })));
  }

  @Test
  @DisplayName("an amendment changes only what it names")
  void amendMeasure(VertxTestContext test) {
    bus.request(Addresses.REGIME_MEASURE_CREATE, measure("TEST-LA-2"), ADMIN)
        .compose(v -> bus.request(Addresses.REGIME_MEASURE_AMEND, new JsonObject().put("id", "TEST-LA-2")
            .put("inForceFrom", "2027-01-01").put("elements", new JsonArray().add("La").add("Ce")), ADMIN))
        .onComplete(test.succeeding(amended -> test.verify(() -> {
          assertThat(amended.getString("inForceFrom")).isEqualTo("2027-01-01");
          assertThat(amended.getJsonArray("elements")).containsExactly("Ce", "La");
          assertThat(amended.getString("title")).isEqualTo("Test controls on lanthanum");
          test.completeNow();
        })));
  }

  @Test
  @DisplayName("the No. 70 suspension extended to 2027-11-10 keeps holmium SUSPENDED until then; overlaps and inverted dates are refused")
  void suspensions(VertxTestContext test) {
    JsonObject extension = new JsonObject().put("measureId", "MOFCOM-GAC-2025-57").put("from", "2026-11-11")
        .put("until", "2027-11-10").put("reference", "TEST-EXTENSION");
    bus.request(Addresses.REGIME_SUSPENSION_ADD, extension.copy().put("from", "2026-06-01"), ADMIN)
        .recover(overlap -> {
          test.verify(() -> assertRefused(overlap, FailureCode.CONFLICT, "from"));
          return bus.request(Addresses.REGIME_SUSPENSION_ADD, extension.copy().put("until", "2026-01-01"), ADMIN);
        })
        .recover(inverted -> {
          test.verify(() -> assertRefused(inverted, FailureCode.BAD_REQUEST, "until"));
          return bus.request(Addresses.REGIME_SUSPENSION_ADD, extension, ADMIN);
        })
        .compose(added -> state("Ho", "2026-12-01").map(holmium -> {
          test.verify(() -> {
            assertThat(added.getLong("id")).isNotNull();
            assertThat(holmium.getString("state")).isEqualTo("SUSPENDED");
            assertThat(holmium.getString("suspendedUntil")).isEqualTo("2027-11-10");
          });
          return added.getLong("id");
        }))
        .compose(id -> bus.request(Addresses.REGIME_SUSPENSION_LIFT, new JsonObject().put("measureId", "MOFCOM-GAC-2025-57")
            .put("suspensionId", id).put("on", "2027-03-01"), ADMIN))
        .compose(lifted -> Future.all(state("Ho", "2027-02-28"), state("Ho", "2027-03-01")))
        .compose(states -> {
          test.verify(() -> {
            assertThat(states.<JsonObject>resultAt(0).getString("suspendedUntil")).isEqualTo("2027-02-28");
            assertThat(states.<JsonObject>resultAt(1).getString("state")).isEqualTo("LICENCE_REQUIRED");
          });
          return bus.request(Addresses.REGIME_HISTORY, new JsonObject().put("limit", 50), ADMIN);
        })
        .onComplete(test.succeeding(history -> test.verify(() -> {
          assertThat(history.getJsonArray("events").stream().map(e -> ((JsonObject) e).getString("action")))
              .contains("ADDED", "LIFTED");
          test.completeNow();
        })));
  }
}
