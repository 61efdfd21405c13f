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

/** Determinations over the bus: one shipment, a batch of positions, and what-if scenarios. Today is Monday 2026-11-30. */
class ConditionsOverTheBusTest extends LicenceBusTest {
  @Test
  @DisplayName("a check names the covering licence and what would remain; conditions answer a batch in one trip")
  void determinations(VertxTestContext test) {
    fixture.register("t-check", generalLicence(1000)).compose(licence -> Future.all(
        fixture.bus().request(Addresses.LICENCE_CHECK, new JsonObject().put("elements", new JsonArray().add("Nd").add("Dy").add("Tb"))
            .put("form", "MAGNET").put("destination", "DE").put("endUse", "CIVIL").put("quantityKg", 300)
            .put("horizonDays", 30), tenant("t-check")),
        fixture.bus().request(Addresses.SUPPLY_CONDITIONS, new JsonObject().put("asOf", "2026-10-01").put("positions", new JsonArray()
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
    Future.all(fixture.bus().request(Addresses.SUPPLY_CONDITIONS, positions, tenant("t-scenario")),
            fixture.bus().request(Addresses.SUPPLY_CONDITIONS, extended, tenant("t-scenario")))
        .compose(both -> fixture.bus().request(Addresses.SUPPLY_CONDITIONS, positions, tenant("t-scenario")).map(after -> {
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
    fixture.bus().request(Addresses.SUPPLY_CONDITIONS, new JsonObject().put("positions", positions), tenant("t-shared"))
        .onComplete(test.succeeding(reply -> test.verify(() -> {
          assertThat(reply.getJsonArray("conditions")).hasSize(100);
          assertThat(reply.getJsonArray("determinations")).hasSize(2);
          assertThat(reply.getJsonArray("conditions").getJsonObject(99).getString("condition")).isEqualTo("NOT_CONTROLLED");
          test.completeNow();
        })));
  }
}
