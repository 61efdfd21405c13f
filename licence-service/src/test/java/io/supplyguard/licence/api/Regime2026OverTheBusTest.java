package io.supplyguard.licence.api;

import static io.supplyguard.licence.api.LicenceFixture.position;
import static io.supplyguard.licence.api.LicenceFixture.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.common.bus.Addresses;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * MOFCOM 2026 No. 1 as seeded by migration V7: dual-use exports to Japanese military users or uses
 * are prohibited from 2026-01-06, not the day before. Over the bus, on a fresh database.
 */
class Regime2026OverTheBusTest extends LicenceBusTest {
  private static final String NO_1 = "MOFCOM-2026-1";

  private static JsonObject check(String element, String form, String destination, String endUse, String asOf,
      int horizonDays) {
    return new JsonObject().put("elements", new JsonArray().add(element)).put("form", form)
        .put("destination", destination).put("endUse", endUse).put("asOf", asOf).put("horizonDays", horizonDays);
  }

  private Future<JsonObject> licenceCheck(JsonObject query) {
    return fixture.bus().request(Addresses.LICENCE_CHECK, query, tenant("t-2026"));
  }

  private static List<String> prohibitions(JsonObject determination) {
    return determination.getJsonArray("prohibitions").stream()
        .map(p -> ((JsonObject) p).getString("measureId")).toList();
  }

  @Test
  @DisplayName("the measures list has No. 1: a PROHIBITION of every controlled item, JP, MILITARY, from 2026-01-06")
  void listed(VertxTestContext test) {
    fixture.bus().request(Addresses.REGIME_MEASURES, new JsonObject(), tenant("t-2026"))
        .onComplete(test.succeeding(reply -> test.verify(() -> {
          JsonObject no1 = reply.getJsonArray("measures").stream().map(JsonObject.class::cast)
              .filter(m -> NO_1.equals(m.getString("id"))).findFirst().orElseThrow();
          assertThat(no1.getString("kind")).isEqualTo("PROHIBITION");
          assertThat(no1.getString("issuedOn")).isEqualTo("2026-01-06");
          assertThat(no1.getString("inForceFrom")).isEqualTo("2026-01-06");
          assertThat(no1.containsKey("inForceUntil")).isFalse();
          assertThat(no1.getBoolean("coversAllControlled")).isTrue();
          assertThat(no1.getJsonArray("elements")).isEmpty();
          assertThat(no1.getJsonArray("destinations")).containsExactly("JP");
          assertThat(no1.getJsonArray("prohibitedEndUses")).containsExactly("MILITARY");
          assertThat(no1.getJsonArray("suspensions")).isEmpty();
          assertThat(no1.getString("source")).contains("2026 No. 1").contains("Mondaq");
          assertThat(no1.getString("confidence")).isEqualTo("H");
          test.completeNow();
        })));
  }

  @Test
  @DisplayName("element reads: No. 1 is reported beside Dy's state from 2026-01-06, not on 2026-01-05, never beside Nd")
  void besideTheState(VertxTestContext test) {
    Future.all(
            fixture.bus().request(Addresses.REGIME_ELEMENTS, new JsonObject().put("asOf", "2026-01-05"), tenant("t-2026")),
            fixture.bus().request(Addresses.REGIME_ELEMENTS, new JsonObject().put("asOf", "2026-01-06"), tenant("t-2026")))
        .onComplete(test.succeeding(both -> test.verify(() -> {
          JsonObject before = element(both.resultAt(0), "Dy");
          JsonObject after = element(both.resultAt(1), "Dy");
          assertThat(before.getString("state")).isEqualTo("LICENCE_REQUIRED");
          assertThat(after.getString("state")).isEqualTo("LICENCE_REQUIRED");
          assertThat(measureIds(before)).containsExactly("MOFCOM-2024-46-ART1");
          assertThat(measureIds(after)).containsExactly("MOFCOM-2024-46-ART1", NO_1);
          JsonObject no1 = after.getJsonArray("prohibitions").getJsonObject(1);
          assertThat(no1.getJsonArray("destinations")).containsExactly("JP");
          assertThat(no1.getJsonArray("endUses")).containsExactly("MILITARY");
          // Ho is SUSPENDED on 2026-01-06: a suspended element counts as controlled here.
          assertThat(measureIds(element(both.resultAt(1), "Ho"))).contains(NO_1);
          assertThat(element(both.resultAt(1), "Nd").getJsonArray("prohibitions")).isEmpty();
          test.completeNow();
        })));
  }

  @Test
  @DisplayName("licence-check: Dy oxide to JP for MILITARY is PROHIBITED from 2026-01-06 (or a horizon reaching it), not before; CIVIL, DE and Nd are not")
  void licenceCheck(VertxTestContext test) {
    Future.all(List.of(
            licenceCheck(check("Dy", "OXIDE", "JP", "MILITARY", "2025-12-01", 30)),
            licenceCheck(check("Dy", "OXIDE", "JP", "MILITARY", "2026-01-05", 0)),
            licenceCheck(check("Dy", "OXIDE", "JP", "MILITARY", "2026-01-06", 0)),
            licenceCheck(check("Dy", "OXIDE", "JP", "MILITARY", "2025-12-10", 30)),
            licenceCheck(check("Dy", "OXIDE", "JP", "CIVIL", "2026-01-06", 30)),
            licenceCheck(check("Dy", "OXIDE", "DE", "MILITARY", "2026-01-06", 30)),
            licenceCheck(check("Dy", "OXIDE", "US", "MILITARY", "2026-01-06", 30)),
            licenceCheck(check("Nd", "METAL", "JP", "MILITARY", "2026-01-06", 30))))
        .onComplete(test.succeeding(all -> test.verify(() -> {
          JsonObject before = all.resultAt(0);
          assertThat(before.getString("decision")).isEqualTo("LICENCE_REQUIRED");
          assertThat(prohibitions(before)).isEmpty();
          JsonObject dayBefore = all.resultAt(1);
          assertThat(dayBefore.getString("decision")).isEqualTo("LICENCE_REQUIRED");
          JsonObject onTheDay = all.resultAt(2);
          assertThat(onTheDay.getString("decision")).isEqualTo("PROHIBITED");
          assertThat(prohibitions(onTheDay)).containsExactly(NO_1);
          assertThat(onTheDay.getString("explanation")).contains(NO_1).contains("MILITARY").contains("JP");
          // A measure counts if it applies on any day of the horizon: 2025-12-10 + 30 reaches 2026-01-06.
          JsonObject reaching = all.resultAt(3);
          assertThat(reaching.getString("decision")).isEqualTo("PROHIBITED");
          assertThat(prohibitions(reaching)).containsExactly(NO_1);
          JsonObject civil = all.resultAt(4);
          assertThat(civil.getString("decision")).isEqualTo("LICENCE_REQUIRED");
          assertThat(prohibitions(civil)).isEmpty();
          // Germany: No. 1 is JP only; No. 61 would bar MILITARY anywhere, but is suspended until 2026-11-10.
          JsonObject germany = all.resultAt(5);
          assertThat(germany.getString("decision")).isEqualTo("LICENCE_REQUIRED");
          assertThat(prohibitions(germany)).isEmpty();
          // The US: art. 1 of 2024 No. 46, not No. 1.
          JsonObject us = all.resultAt(6);
          assertThat(us.getString("decision")).isEqualTo("PROHIBITED");
          assertThat(prohibitions(us)).containsExactly("MOFCOM-2024-46-ART1");
          // Nd is controlled by nothing, so a prohibition of every controlled item does not reach it.
          JsonObject nd = all.resultAt(7);
          assertThat(nd.getString("decision")).isEqualTo("NOT_REQUIRED");
          assertThat(prohibitions(nd)).isEmpty();
          test.completeNow();
        })));
  }

  @Test
  @DisplayName("supply conditions: a JP MILITARY Dy oxide position is LICENCE_REQUIRED as of 2025-12-01 (30 days) and PROHIBITED as of 2026-01-06")
  void supplyConditions(VertxTestContext test) {
    JsonArray positions = new JsonArray()
        .add(position("jp-military", "Dy", "OXIDE", 30).put("destination", "JP").put("endUse", "MILITARY"))
        .add(position("jp-civil", "Dy", "OXIDE", 30).put("destination", "JP"))
        .add(position("de-military", "Dy", "OXIDE", 30).put("endUse", "MILITARY"))
        .add(position("jp-nd", "Nd", "METAL", 30).put("destination", "JP").put("endUse", "MILITARY"));
    Future.all(
            fixture.bus().request(Addresses.SUPPLY_CONDITIONS,
                new JsonObject().put("asOf", "2025-12-01").put("positions", positions), tenant("t-2026")),
            fixture.bus().request(Addresses.SUPPLY_CONDITIONS,
                new JsonObject().put("asOf", "2026-01-06").put("positions", positions), tenant("t-2026")))
        .onComplete(test.succeeding(both -> test.verify(() -> {
          assertThat(conditions(both.resultAt(0)))
              .containsExactly("LICENCE_REQUIRED", "LICENCE_REQUIRED", "LICENCE_REQUIRED", "NOT_CONTROLLED");
          assertThat(conditions(both.resultAt(1)))
              .containsExactly("PROHIBITED", "LICENCE_REQUIRED", "LICENCE_REQUIRED", "NOT_CONTROLLED");
          JsonObject after = both.resultAt(1);
          JsonObject prohibited = after.getJsonArray("determinations")
              .getJsonObject(after.getJsonArray("conditions").getJsonObject(0).getInteger("determination"));
          assertThat(prohibitions(prohibited)).containsExactly(NO_1);
          test.completeNow();
        })));
  }

  private static List<String> conditions(JsonObject reply) {
    return reply.getJsonArray("conditions").stream().map(c -> ((JsonObject) c).getString("condition")).toList();
  }

  private static JsonObject element(JsonObject reply, String symbol) {
    return reply.getJsonArray("elements").stream().map(JsonObject.class::cast)
        .filter(e -> symbol.equals(e.getString("symbol"))).findFirst().orElseThrow();
  }

  private static List<String> measureIds(JsonObject element) {
    return element.getJsonArray("prohibitions").stream().map(p -> ((JsonObject) p).getString("measure")).toList();
  }
}
