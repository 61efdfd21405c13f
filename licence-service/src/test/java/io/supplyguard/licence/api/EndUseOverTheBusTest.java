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

/** A licence covers a supply only for its own end use, over the bus. Today is Monday 2026-11-30. */
class EndUseOverTheBusTest extends LicenceBusTest {
  private static JsonObject dyOxideCheck(String endUse) {
    return new JsonObject().put("elements", new JsonArray().add("Dy")).put("form", "OXIDE").put("destination", "DE")
        .put("endUse", endUse).put("quantityKg", 100).put("horizonDays", 30);
  }

  @Test
  @DisplayName("an AUTOMOTIVE licence answers an AUTOMOTIVE check COVERED and leaves an ELECTRONICS one LICENCE_REQUIRED")
  void licenceCheck(VertxTestContext test) {
    JsonObject automotive = generalLicence(1000).put("elements", new JsonArray().add("Dy"))
        .put("forms", new JsonArray().add("OXIDE")).put("endUse", "AUTOMOTIVE");
    fixture.register("t-enduse-check", automotive).compose(licence -> Future.all(
            fixture.bus().request(Addresses.LICENCE_CHECK, dyOxideCheck("ELECTRONICS"), tenant("t-enduse-check")),
            fixture.bus().request(Addresses.LICENCE_CHECK, dyOxideCheck("AUTOMOTIVE"), tenant("t-enduse-check")))
        .map(both -> {
          test.verify(() -> {
            JsonObject electronics = both.resultAt(0);
            assertThat(electronics.getString("decision")).isEqualTo("LICENCE_REQUIRED");
            assertThat(electronics.containsKey("coveredBy")).isFalse();
            assertThat(electronics.getString("explanation")).contains("for ELECTRONICS").contains("end use");
            JsonObject same = both.resultAt(1);
            assertThat(same.getString("decision")).isEqualTo("COVERED");
            assertThat(same.getJsonObject("coveredBy").getString("licenceId")).isEqualTo(licence.getString("id"));
            assertThat(same.getString("explanation")).contains("for AUTOMOTIVE use to DE");
          });
          return null;
        }))
        .onComplete(test.succeedingThenComplete());
  }

  @Test
  @DisplayName("supply conditions: positions alike but for their end use get their own determinations and conditions")
  void supplyConditions(VertxTestContext test) {
    JsonObject automotive = generalLicence(1000).put("elements", new JsonArray().add("Dy"))
        .put("forms", new JsonArray().add("OXIDE")).put("endUse", "AUTOMOTIVE");
    JsonObject batch = new JsonObject().put("positions", new JsonArray()
        .add(position("electronics", "Dy", "OXIDE", 30).put("endUse", "ELECTRONICS"))
        .add(position("automotive", "Dy", "OXIDE", 30).put("endUse", "AUTOMOTIVE")));
    fixture.register("t-enduse-conditions", automotive)
        .compose(licence -> fixture.bus().request(Addresses.SUPPLY_CONDITIONS, batch, tenant("t-enduse-conditions"))
            .map(reply -> {
              test.verify(() -> {
                JsonArray conditions = reply.getJsonArray("conditions");
                assertThat(conditions.getJsonObject(0).getString("key")).isEqualTo("electronics");
                assertThat(conditions.getJsonObject(0).getString("condition")).isEqualTo("LICENCE_REQUIRED");
                assertThat(conditions.getJsonObject(1).getString("key")).isEqualTo("automotive");
                assertThat(conditions.getJsonObject(1).getString("condition")).isEqualTo("COVERED");
                assertThat(reply.getJsonArray("determinations")).hasSize(2);
                JsonObject covered = reply.getJsonArray("determinations")
                    .getJsonObject(conditions.getJsonObject(1).getInteger("determination"));
                assertThat(covered.getJsonObject("coveredBy").getString("licenceId")).isEqualTo(licence.getString("id"));
              });
              return null;
            }))
        .onComplete(test.succeedingThenComplete());
  }
}
