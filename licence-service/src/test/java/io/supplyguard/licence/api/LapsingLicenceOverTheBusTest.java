package io.supplyguard.licence.api;

import static io.supplyguard.licence.api.LicenceFixture.generalLicence;
import static io.supplyguard.licence.api.LicenceFixture.position;
import static io.supplyguard.licence.api.LicenceFixture.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.common.bus.Addresses;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A one-year general licence of December 2025 near its end (today Monday 2026-11-30, valid to
 * 2026-12-02): it covers a supply only while its validTo is on or after asOf plus the lead time,
 * and a LICENCE_REQUIRED explanation names it and its validTo. Over the bus.
 */
class LapsingLicenceOverTheBusTest extends LicenceBusTest {
  private static JsonObject december2025() {
    return generalLicence(1000).put("elements", new JsonArray().add("Dy")).put("forms", new JsonArray().add("OXIDE"))
        .put("validFrom", "2025-12-03").put("validTo", "2026-12-02");
  }

  @Test
  @DisplayName("supply conditions: lead time 2 days is COVERED (validTo = D + 2), 3 days and 30 days are LICENCE_REQUIRED, naming the licence and its validTo")
  void supplyConditions(VertxTestContext test) {
    JsonObject batch = new JsonObject().put("positions", new JsonArray()
        .add(position("two", "Dy", "OXIDE", 2))
        .add(position("three", "Dy", "OXIDE", 3))
        .add(position("thirty", "Dy", "OXIDE", 30)));
    fixture.register("t-lapsing-conditions", december2025())
        .compose(licence -> fixture.bus().request(Addresses.SUPPLY_CONDITIONS, batch, tenant("t-lapsing-conditions"))
            .map(reply -> {
              test.verify(() -> {
                assertThat(reply.getString("asOf")).isEqualTo("2026-11-30");
                JsonArray conditions = reply.getJsonArray("conditions");
                assertThat(conditions.getJsonObject(0).getString("condition")).isEqualTo("COVERED");
                assertThat(conditions.getJsonObject(1).getString("condition")).isEqualTo("LICENCE_REQUIRED");
                assertThat(conditions.getJsonObject(2).getString("condition")).isEqualTo("LICENCE_REQUIRED");
                JsonObject covered = determination(reply, 0);
                assertThat(covered.getJsonObject("coveredBy").getString("validTo")).isEqualTo("2026-12-02");
                JsonObject three = determination(reply, 1);
                assertThat(three.containsKey("coveredBy")).isFalse();
                assertThat(three.getString("explanation"))
                    .contains("Licence " + licence.getString("id") + " would cover it but is valid only to 2026-12-02")
                    .contains("valid to at least 2026-12-03 (3 days after 2026-11-30)");
                assertThat(determination(reply, 2).getString("explanation"))
                    .contains("Licence " + licence.getString("id") + " would cover it but is valid only to 2026-12-02")
                    .contains("valid to at least 2026-12-30 (30 days after 2026-11-30)");
              });
              return null;
            }))
        .onComplete(test.succeedingThenComplete());
  }

  @Test
  @DisplayName("licence-check: COVERED for today alone, LICENCE_REQUIRED over 30 days; a licence for another end use is not named")
  void licenceCheck(VertxTestContext test) {
    JsonObject query = new JsonObject().put("elements", new JsonArray().add("Dy")).put("form", "OXIDE")
        .put("destination", "DE").put("endUse", "CIVIL").put("quantityKg", 100);
    fixture.register("t-lapsing-check", december2025()).compose(licence -> Future.all(
            fixture.bus().request(Addresses.LICENCE_CHECK, query.copy(), tenant("t-lapsing-check")),
            fixture.bus().request(Addresses.LICENCE_CHECK, query.copy().put("horizonDays", 30), tenant("t-lapsing-check")),
            fixture.bus().request(Addresses.LICENCE_CHECK, query.copy().put("horizonDays", 30).put("endUse", "AUTOMOTIVE"),
                tenant("t-lapsing-check")))
        .map(all -> {
          test.verify(() -> {
            JsonObject today = all.resultAt(0);
            assertThat(today.getString("decision")).isEqualTo("COVERED");
            JsonObject month = all.resultAt(1);
            assertThat(month.getString("decision")).isEqualTo("LICENCE_REQUIRED");
            assertThat(month.getString("explanation"))
                .contains("Licence " + licence.getString("id") + " would cover it but is valid only to 2026-12-02");
            JsonObject automotive = all.resultAt(2);
            assertThat(automotive.getString("decision")).isEqualTo("LICENCE_REQUIRED");
            assertThat(automotive.getString("explanation")).doesNotContain(licence.getString("id"));
          });
          return null;
        }))
        .onComplete(test.succeedingThenComplete());
  }

  private static JsonObject determination(JsonObject reply, int position) {
    return reply.getJsonArray("determinations")
        .getJsonObject(reply.getJsonArray("conditions").getJsonObject(position).getInteger("determination"));
  }
}
