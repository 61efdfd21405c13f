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
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

/** The licence-service on a fresh real database, today Monday 2026-11-30, and what its tests share. */
record LicenceFixture(BusClient bus, Pool db) {
  static final MutableClock CLOCK = MutableClock.at(LocalDate.parse("2026-11-30"));

  static Future<LicenceFixture> start(Vertx vertx) {
    JsonObject database = TestPostgres.newDatabase();
    Pool db = TestPostgres.pool(vertx, database);
    return TestServices.start(vertx, new LicenceService(), database, CLOCK)
        .map(host -> new LicenceFixture(new BusClient(vertx, Duration.ofSeconds(10)), db));
  }

  static BusClient.Caller tenant(String id) {
    return new BusClient.Caller(UUID.randomUUID().toString(), id, Role.TENANT);
  }

  static BusClient.Caller tenant(String id, String idempotencyKey) {
    return new BusClient.Caller(UUID.randomUUID().toString(), id, Role.TENANT, idempotencyKey);
  }

  static JsonObject generalLicence(double cap) {
    return new JsonObject().put("type", "GENERAL").put("exporter", "JL Mag").put("elements", new JsonArray().add("Dy").add("Tb"))
        .put("forms", new JsonArray().add("MAGNET")).put("quantityKg", cap).put("destination", "DE").put("endUse", "CIVIL");
  }

  Future<JsonObject> register(String tenantId, JsonObject body) {
    return bus.request(Addresses.LICENCE_REGISTER, body, tenant(tenantId));
  }

  static void assertRefused(Throwable failure, FailureCode code, String... fields) {
    assertThat(failure).isInstanceOf(ServiceException.class);
    ServiceException e = (ServiceException) failure;
    assertThat(e.code()).isEqualTo(code);
    if (fields.length > 0) {
      assertThat(e.errors()).extracting(FieldError::field).contains(fields);
    }
  }

  static JsonObject position(String key, String element, String form, int leadTime) {
    return new JsonObject().put("key", key).put("elements", new JsonArray().add(element)).put("form", form)
        .put("destination", "DE").put("endUse", "CIVIL").put("orderQuantityKg", 300).put("horizonDays", leadTime)
        .put("leadTimeDays", leadTime);
  }
}
