package io.supplyguard.licence.time;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.common.bus.Addresses;
import io.supplyguard.common.bus.BusClient;
import io.supplyguard.common.bus.Role;
import io.supplyguard.common.testing.Await;
import io.supplyguard.common.testing.MutableClock;
import io.supplyguard.common.testing.TestPostgres;
import io.supplyguard.common.testing.TestServices;
import io.supplyguard.licence.LicenceService;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Time changes the regime by itself. The clock is moved, not waited for; each test starts and
 * stops whole services (their own Vert.x) to show restarts and replicas.
 */
class CalendarOverTheBusTest {
  private static final JsonObject FAST_TICK = new JsonObject().put("TIME_TICK_MS", "100").put("OUTBOX_FLUSH_MS", "100");

  @Test
  @DisplayName("when the No. 70 suspension ends and a licence passes validTo, both are published once, with two replicas running")
  void boundariesPublishedOnceByReplicas() throws Exception {
    JsonObject db = TestPostgres.newDatabase().mergeIn(FAST_TICK);
    MutableClock clock = MutableClock.at(LocalDate.parse("2026-11-09"));
    Vertx vertx = Vertx.vertx();
    try {
      List<JsonObject> events = listen(vertx);
      Await.result(TestServices.start(vertx, new LicenceService(), db, clock).compose(
          first -> TestServices.start(vertx, new LicenceService(), db, clock)));
      BusClient bus = new BusClient(vertx, Duration.ofSeconds(10));
      JsonObject licence = Await.result(bus.request(Addresses.LICENCE_REGISTER, new JsonObject().put("type", "GENERAL")
          .put("exporter", "X").put("elements", new JsonArray().add("Ho")).put("forms", new JsonArray().add("OXIDE"))
          .put("quantityKg", 10).put("destination", "DE").put("endUse", "CIVIL").put("validTo", "2026-11-10"),
          new BusClient.Caller("r", "t-time", Role.TENANT)));

      clock.set(LocalDate.parse("2026-11-11"));

      Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> ended(events).size() == 4 && expired(events).size() == 1);
      // Give a second replica's tick (every 100 ms) time to repeat anything, then count again.
      Awaitility.await().pollDelay(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2)).until(() -> true);
      assertThat(ended(events)).hasSize(4);
      assertThat(ended(events)).extracting(e -> e.getString("measureId"))
          .containsExactlyInAnyOrder("MOFCOM-GAC-2025-56", "MOFCOM-GAC-2025-57", "MOFCOM-2025-61", "MOFCOM-2025-62");
      assertThat(ended(events).get(0).getString("effectiveFrom")).isEqualTo("2026-11-11");
      assertThat(expired(events)).hasSize(1);
      assertThat(expired(events).get(0).getString("licenceId")).isEqualTo(licence.getString("id"));
      JsonObject stored = Await.result(bus.request(Addresses.LICENCE_GET, new JsonObject().put("id", licence.getString("id")),
          new BusClient.Caller("r", "t-time", Role.TENANT)));
      assertThat(stored.getString("status")).isEqualTo("EXPIRED");
    } finally {
      Await.result(vertx.close());
    }
  }

  @Test
  @DisplayName("a service that slept through boundaries catches up on every one after a restart, exactly once")
  void catchUpAfterRestart() throws Exception {
    JsonObject db = TestPostgres.newDatabase().mergeIn(FAST_TICK);
    Vertx before = Vertx.vertx();
    Await.result(TestServices.start(before, new LicenceService(), db, MutableClock.at(LocalDate.parse("2025-11-01"))));
    Await.result(before.close());

    Vertx after = Vertx.vertx();
    try {
      List<JsonObject> events = listen(after);
      Await.result(TestServices.start(after, new LicenceService(), db, MutableClock.at(LocalDate.parse("2026-11-12"))));
      Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> events.size() >= 11);
      Awaitility.await().pollDelay(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2)).until(() -> true);
      // Slept 2025-11-02 .. 2026-11-12: the No. 70 suspension began (56, 57, 61, 62) on 2025-11-07
      // and ended on 2026-11-11; Nos. 56 and 57 took effect on 2025-11-08; No. 72 began on 2025-11-09;
      // 2026 No. 1 took effect on 2026-01-06.
      assertThat(events.stream().filter(e -> e.containsKey("measureId")).map(e -> e.getString("change") + " "
          + e.getString("measureId") + " " + e.getString("effectiveFrom")))
          .containsExactlyInAnyOrder(
              "SUSPENSION_STARTED MOFCOM-GAC-2025-56 2025-11-07", "SUSPENSION_STARTED MOFCOM-GAC-2025-57 2025-11-07",
              "SUSPENSION_STARTED MOFCOM-2025-61 2025-11-07", "SUSPENSION_STARTED MOFCOM-2025-62 2025-11-07",
              "MEASURE_IN_FORCE MOFCOM-GAC-2025-56 2025-11-08", "MEASURE_IN_FORCE MOFCOM-GAC-2025-57 2025-11-08",
              "SUSPENSION_ENDED MOFCOM-GAC-2025-56 2026-11-11", "SUSPENSION_ENDED MOFCOM-GAC-2025-57 2026-11-11",
              "SUSPENSION_ENDED MOFCOM-2025-61 2026-11-11", "SUSPENSION_ENDED MOFCOM-2025-62 2026-11-11",
              "SUSPENSION_STARTED MOFCOM-2024-46-ART2 2025-11-09", "MEASURE_IN_FORCE MOFCOM-2026-1 2026-01-06");
    } finally {
      Await.result(after.close());
    }
  }

  private static List<JsonObject> listen(Vertx vertx) throws Exception {
    List<JsonObject> events = new CopyOnWriteArrayList<>();
    Await.result(vertx.eventBus().<JsonObject>consumer(Addresses.REGIME_CHANGED, m -> events.add(m.body())).completion());
    Await.result(vertx.eventBus().<JsonObject>consumer(Addresses.LICENCE_CHANGED, m -> events.add(m.body())).completion());
    return events;
  }

  private static List<JsonObject> ended(List<JsonObject> events) {
    return events.stream().filter(e -> "SUSPENSION_ENDED".equals(e.getString("change"))).toList();
  }

  private static List<JsonObject> expired(List<JsonObject> events) {
    return events.stream().filter(e -> "EXPIRED".equals(e.getString("change"))).toList();
  }

}
