package io.supplyguard.licence.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.common.bus.Addresses;
import io.supplyguard.common.bus.BusClient;
import io.supplyguard.common.bus.FailureCode;
import io.supplyguard.common.bus.FieldError;
import io.supplyguard.common.bus.Role;
import io.supplyguard.common.bus.ServiceException;
import io.supplyguard.common.testing.TestPostgres;
import io.supplyguard.common.testing.TestServices;
import io.supplyguard.licence.LicenceService;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegimeOverTheBusTest {
  private static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-29T10:00:00Z"), ZoneOffset.UTC);
  private static final BusClient.Caller TENANT = new BusClient.Caller("test-request", "tenant-1", Role.TENANT);

  private JsonObject database;
  private BusClient bus;

  @BeforeAll
  void startService(Vertx vertx, VertxTestContext test) {
    database = TestPostgres.newDatabase();
    bus = new BusClient(vertx, Duration.ofSeconds(5));
    TestServices.start(vertx, new LicenceService(), database, TODAY).onComplete(test.succeedingThenComplete());
  }

  @DisplayName("the seeded regime answers the table of docs/regime.md over the bus")
  @ParameterizedTest(name = "{0} on {1} is {2} {3}")
  @CsvFileSource(resources = "/regime/expected-states.csv")
  void regimeTable(String symbol, String asOf, String state, String suspendedUntil, VertxTestContext test) {
    bus.request(Addresses.REGIME_ELEMENTS, new JsonObject().put("asOf", asOf), TENANT)
        .onComplete(test.succeeding(reply -> test.verify(() -> {
          assertThat(reply.getString("asOf")).isEqualTo(asOf);
          JsonObject element = element(reply, symbol);
          assertThat(element.getString("state")).isEqualTo(state);
          assertThat(element.getString("suspendedUntil")).isEqualTo(suspendedUntil);
          test.completeNow();
        })));
  }

  @Test
  @DisplayName("without asOf the state is today's, for all 17 rare-earth elements")
  void todayByDefault(VertxTestContext test) {
    bus.request(Addresses.REGIME_ELEMENTS, new JsonObject(), TENANT)
        .onComplete(test.succeeding(reply -> test.verify(() -> {
          assertThat(reply.getString("asOf")).isEqualTo("2026-11-29");
          assertThat(reply.getJsonArray("elements")).hasSize(17);
          assertThat(element(reply, "Ho").getString("state")).isEqualTo("LICENCE_REQUIRED");
          assertThat(element(reply, "Ho").getJsonArray("measures")).containsExactly("MOFCOM-GAC-2025-57");
          assertThat(element(reply, "Dy").getJsonArray("prohibitions").getJsonObject(0).getString("measure"))
              .isEqualTo("MOFCOM-2024-46-ART1");
          assertThat(element(reply, "La").getString("state")).isEqualTo("NOT_CONTROLLED");
          test.completeNow();
        })));
  }

  @Test
  @DisplayName("a malformed asOf fails with BAD_REQUEST naming the field")
  void badAsOf(VertxTestContext test) {
    bus.request(Addresses.REGIME_ELEMENTS, new JsonObject().put("asOf", "2025-13-40"), TENANT)
        .onComplete(test.failing(failure -> test.verify(() -> {
          assertThat(failure).isInstanceOf(ServiceException.class);
          ServiceException e = (ServiceException) failure;
          assertThat(e.code()).isEqualTo(FailureCode.BAD_REQUEST);
          assertThat(e.errors()).extracting(FieldError::field).containsExactly("asOf");
          test.completeNow();
        })));
  }

  @Test
  @DisplayName("every seeded measure is listed with its scope, dates and suspensions")
  void measures(VertxTestContext test) {
    bus.request(Addresses.REGIME_MEASURES, new JsonObject(), TENANT)
        .onComplete(test.succeeding(reply -> test.verify(() -> {
          JsonArray measures = reply.getJsonArray("measures");
          assertThat(ids(measures)).containsExactlyInAnyOrder("MOFCOM-GAC-2025-18", "MOFCOM-GAC-2025-56",
              "MOFCOM-GAC-2025-57", "MOFCOM-2025-61", "MOFCOM-2025-62", "MOFCOM-2024-46-ART1", "MOFCOM-2024-46-ART2",
              "MOFCOM-2026-1");
          JsonObject no57 = byId(measures, "MOFCOM-GAC-2025-57");
          assertThat(no57.getString("inForceFrom")).isEqualTo("2025-11-08");
          assertThat(no57.getJsonArray("elements")).containsExactly("Er", "Eu", "Ho", "Tm", "Yb");
          JsonObject suspension = no57.getJsonArray("suspensions").getJsonObject(0);
          assertThat(suspension.getString("reference")).isEqualTo("MOFCOM-GAC-2025-70");
          assertThat(suspension.getString("until")).isEqualTo("2026-11-10");
          assertThat(byId(measures, "MOFCOM-2024-46-ART2").getJsonArray("suspensions").getJsonObject(0)
              .getString("until")).isEqualTo("2026-11-27");
          assertThat(byId(measures, "MOFCOM-GAC-2025-18").getJsonArray("suspensions")).isEmpty();
          test.completeNow();
        })));
  }

  @Test
  @DisplayName("a second start on the same database migrates nothing and seeds nothing twice")
  void seedsOnce(Vertx vertx, VertxTestContext test) {
    TestServices.start(vertx, new LicenceService(), database, TODAY)
        .compose(again -> bus.request(Addresses.REGIME_MEASURES, new JsonObject(), TENANT))
        .onComplete(test.succeeding(reply -> test.verify(() -> {
          JsonArray measures = reply.getJsonArray("measures");
          assertThat(measures).hasSize(8);
          int suspensions = measures.stream().mapToInt(m -> ((JsonObject) m).getJsonArray("suspensions").size()).sum();
          assertThat(suspensions).isEqualTo(5);
          test.completeNow();
        })));
  }

  private static JsonObject element(JsonObject reply, String symbol) {
    return byKey(reply.getJsonArray("elements"), "symbol", symbol);
  }

  private static JsonObject byId(JsonArray measures, String id) {
    return byKey(measures, "id", id);
  }

  private static JsonObject byKey(JsonArray array, String key, String value) {
    return array.stream().map(JsonObject.class::cast).filter(o -> value.equals(o.getString(key))).findFirst()
        .orElseThrow(() -> new AssertionError("no " + key + " " + value + " in " + array));
  }

  private static List<String> ids(JsonArray measures) {
    return measures.stream().map(m -> ((JsonObject) m).getString("id")).toList();
  }
}
