package io.supplyguard.inventory.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.supplyguard.common.bus.Addresses;
import io.supplyguard.common.testing.Await;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The regime's uncertain future and the denial risk by destination, from the operator's write in
 * the licence-service to the recommendation in the inventory-service (docs/buffer-model.md).
 * Worked example as of Monday 2026-11-30 (T = 63): a measure on a material of its own whose
 * suspension ends inside the 30-day horizon, so the position is LICENCE_REQUIRED only because of it.
 */
class RegimeFuturesOverTheBusTest extends BufferBusTest {
  RegimeFuturesOverTheBusTest() {
    super(new JsonObject().put("OUTBOX_FLUSH_MS", "50"));
  }

  @Test
  @DisplayName("renewal probability 0.6: futures 0.6 NOT_CONTROLLED / 0.4 LICENCE_REQUIRED, ROP 1520.98, E[LTD] 602.40,"
      + " SS 918.58, order 920.98, CRITICAL; the PATCH recomputes the position by itself")
  void oneSuspension() throws Exception {
    long suspension = measureWithSuspension("ce", "Ce", "2026-12-10");
    JsonObject before = position("t-one", "ce");
    assertThat(before.getString("condition")).isEqualTo("LICENCE_REQUIRED");
    assertThat(before.getDouble("reorderPoint")).isCloseTo(1642.60, within(0.01));

    renew("TEST-CE", suspension, 0.6);
    JsonObject r = awaitStored("t-one", s -> s.getJsonArray("futures").size() == 2);
    assertThat(r.getString("condition")).isEqualTo("LICENCE_REQUIRED");
    assertThat(r.getDouble("reorderPoint")).isCloseTo(1520.98, within(0.01));
    assertThat(r.getDouble("expectedLeadTimeDemand")).isCloseTo(602.40, within(0.01));
    assertThat(r.getDouble("safetyStock")).isCloseTo(918.58, within(0.01));
    assertThat(r.getDouble("recommendedOrder")).isCloseTo(920.98, within(0.01));
    assertThat(r.getString("status")).isEqualTo("CRITICAL");
    JsonArray futures = r.getJsonArray("futures");
    assertThat(futures.getJsonObject(0).getDouble("weight")).isEqualTo(0.4);
    assertThat(futures.getJsonObject(0).getString("condition")).isEqualTo("LICENCE_REQUIRED");
    assertThat(futures.getJsonObject(0).getJsonArray("suspensions").getJsonObject(0).getBoolean("extended")).isFalse();
    assertThat(futures.getJsonObject(1).getDouble("weight")).isEqualTo(0.6);
    assertThat(futures.getJsonObject(1).getString("condition")).isEqualTo("NOT_CONTROLLED");
    assertThat(futures.getJsonObject(1).getJsonArray("suspensions").getJsonObject(0).getBoolean("extended")).isTrue();
    assertThat(r.getJsonArray("branches").stream().map(b -> ((JsonObject) b).getDouble("weight")).toList())
        .containsExactly(0.32, 0.08, 0.6);
    assertThat(r.getJsonObject("explanation").getString("summary"))
        .contains("60% NOT_CONTROLLED (TEST-CE's suspension extended)", "40% LICENCE_REQUIRED");
  }

  @Test
  @DisplayName("q = 0 and q = 1 give exactly the two plain conditions' figures")
  void certainFutures() throws Exception {
    long suspension = measureWithSuspension("pr", "Pr", "2026-12-10");
    position("t-plain", "pr");
    renew("TEST-PR", suspension, 1.0);
    JsonObject extended = awaitStored("t-plain", s -> s.getJsonArray("futures").getJsonObject(0)
        .getString("condition").equals("NOT_CONTROLLED"));
    assertThat(extended.getDouble("reorderPoint")).isCloseTo(389.79, within(0.01));
    assertThat(extended.getDouble("safetyStock")).isCloseTo(89.79, within(0.01));
    assertThat(extended.getString("status")).isEqualTo("OK");
    renew("TEST-PR", suspension, 0.0);
    JsonObject ending = awaitStored("t-plain", s -> s.getJsonArray("futures").getJsonObject(0)
        .getString("condition").equals("LICENCE_REQUIRED"));
    assertThat(ending.getJsonArray("futures")).hasSize(1);
    assertThat(ending.getDouble("reorderPoint")).isCloseTo(1642.60, within(0.01));
    assertThat(ending.getString("status")).isEqualTo("REORDER");
  }

  @Test
  @DisplayName("two uncertain suspensions (0.3 and 0.5) give four futures whose weights are the products")
  void twoSuspensions() throws Exception {
    long first = measureWithSuspension("nd", "Nd", "2026-12-05");
    Await.result(platform.request(Addresses.REGIME_MEASURE_CREATE, measure("TEST-ND-2", "Nd"), BufferBus.admin()));
    long second = Await.result(platform.request(Addresses.REGIME_SUSPENSION_ADD, new JsonObject().put("measureId", "TEST-ND-2")
        .put("from", "2026-06-01").put("until", "2026-12-20").put("reference", "TEST-ND-2-S"), BufferBus.admin())).getLong("id");
    position("t-two", "nd");
    renew("TEST-ND", first, 0.3);
    renew("TEST-ND-2", second, 0.5);
    JsonObject r = awaitStored("t-two", s -> s.getJsonArray("futures").size() == 4);
    List<Double> weights = r.getJsonArray("futures").stream().map(f -> ((JsonObject) f).getDouble("weight")).sorted().toList();
    assertThat(weights).containsExactly(0.15, 0.15, 0.35, 0.35);
    // Only the future where both are extended is free of the licence requirement.
    assertThat(r.getJsonArray("futures").stream().map(JsonObject.class::cast)
        .filter(f -> f.getString("condition").equals("NOT_CONTROLLED")).map(f -> f.getDouble("weight")).toList())
        .containsExactly(0.15);
  }

  @Test
  @DisplayName("a denial probability set for JP recomputes the positions shipping there: p 0.5 and its source in the explanation")
  void denialRiskByDestination() throws Exception {
    Await.result(platform.site("t-jp", "plant-1"));
    Await.result(platform.upsert("t-jp", BufferBus.workedExample("plant-1", "dy-oxide").put("destination", "JP")));
    Await.result(platform.upsert("t-jp", BufferBus.workedExample("plant-1", "tb-metal").put("destination", "DE")));
    Await.result(platform.request(Addresses.REGIME_DENIAL_PROBABILITY_SET, new JsonObject().put("country", "JP")
        .put("probability", 0.5).put("source", "Observed approvals, 2026"), BufferBus.admin()));
    JsonObject japan = awaitStored("t-jp", s -> s.getString("materialId").equals("dy-oxide")
        && s.getJsonArray("branches").getJsonObject(0).getDouble("weight") == 0.5);
    assertThat(japan.getJsonObject("explanation").getJsonObject("leadTime").getDouble("denialProbability")).isEqualTo(0.5);
    assertThat(japan.getJsonObject("explanation").getJsonObject("leadTime").getString("denialSource"))
        .isEqualTo("Observed approvals, 2026");
    assertThat(japan.getDouble("expectedLeadTimeDemand")).isCloseTo(0.5 * 930 + 0.5 * 1560, within(0.01));
    JsonObject germany = storedOf("t-jp", "tb-metal");
    assertThat(germany.getJsonArray("branches").getJsonObject(0).getDouble("weight")).isEqualTo(0.8);
  }

  /** A measure on a new oxide material of one element, in force all year, suspended until {@code until}. */
  private long measureWithSuspension(String element, String symbol, String until) throws Exception {
    Await.result(platform.request(Addresses.MATERIALS_CREATE, new JsonObject().put("id", element + "-test-oxide")
        .put("name", symbol + " oxide").put("form", "OXIDE").put("elements", new JsonArray().add(symbol)), BufferBus.admin()));
    String id = "TEST-" + element.toUpperCase();
    Await.result(platform.request(Addresses.REGIME_MEASURE_CREATE, measure(id, symbol), BufferBus.admin()));
    return Await.result(platform.request(Addresses.REGIME_SUSPENSION_ADD, new JsonObject().put("measureId", id)
        .put("from", "2026-06-01").put("until", until).put("reference", id + "-S"), BufferBus.admin())).getLong("id");
  }

  private static JsonObject measure(String id, String symbol) {
    return new JsonObject().put("id", id).put("issuer", "MOFCOM").put("title", id).put("kind", "LICENCE_REQUIRED")
        .put("issuedOn", "2026-01-01").put("inForceFrom", "2026-01-01").put("elements", new JsonArray().add(symbol))
        .put("forms", new JsonArray().add("OXIDE")).put("source", "test");
  }

  private void renew(String measureId, long suspensionId, double q) throws Exception {
    Await.result(platform.request(Addresses.REGIME_SUSPENSION_RENEWAL, new JsonObject().put("measureId", measureId)
        .put("suspensionId", suspensionId).put("renewalProbability", q).put("note", "test"), BufferBus.admin()));
  }

  private JsonObject position(String tenant, String element) throws Exception {
    Await.result(platform.site(tenant, "plant-1"));
    return Await.result(platform.upsert(tenant, BufferBus.workedExample("plant-1", element + "-test-oxide")))
        .getJsonObject("recommendation");
  }

  private JsonObject awaitStored(String tenant, java.util.function.Predicate<JsonObject> done) {
    JsonObject[] found = new JsonObject[1];
    Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> {
      for (Object o : Await.result(platform.stored(tenant))) {
        if (done.test((JsonObject) o)) {
          found[0] = (JsonObject) o;
          return true;
        }
      }
      return false;
    });
    return found[0];
  }

  private JsonObject storedOf(String tenant, String material) throws Exception {
    return Await.result(platform.stored(tenant)).stream().map(JsonObject.class::cast)
        .filter(r -> r.getString("materialId").equals(material)).findFirst().orElseThrow();
  }
}
