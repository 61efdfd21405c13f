package io.supplyguard.gateway;

import static io.supplyguard.gateway.TestPlatform.ADMIN_KEY;
import static io.supplyguard.gateway.TestPlatform.assertProblem;
import static io.supplyguard.gateway.TestPlatform.errorFields;
import static io.supplyguard.gateway.ValidBodies.licence;
import static io.supplyguard.gateway.ValidBodies.measure;
import static io.supplyguard.gateway.ValidBodies.position;
import static io.supplyguard.gateway.ValidBodies.scenario;
import static io.supplyguard.gateway.ValidBodies.site;
import static io.supplyguard.gateway.ValidBodies.suspension;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the gateway refuses before a service decides anything: a request the contract does not
 * allow. Each refusal is a problem+json naming the field. (Roles are checked before the
 * contract, on every operation: {@link ContractGuardsTest}.)
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouteGuardsTest {
  private static final String MEASURE = "/api/v1/regime/measures/MOFCOM-2025-61";
  private static final String POSITION = "/api/v1/sites/plant-7/positions/ndfeb-n52-dy";

  private TestPlatform platform;
  private String tenantKey;

  @BeforeAll
  void startPlatform(Vertx vertx, VertxTestContext test) {
    TestPlatform.start(vertx)
        .compose(started -> {
          platform = started;
          return platform.tenantKey("Guarded Magnets");
        })
        .onComplete(test.succeeding(key -> {
          tenantKey = key;
          test.completeNow();
        }));
  }

  private HttpRequest<Buffer> call(HttpMethod method, String uri, String key) {
    return platform.call(method, uri, key);
  }

  @Nested
  @DisplayName("the contract")
  class Contract {

    @Test
    @DisplayName("a licence without quantityKg is a 400 naming quantityKg")
    void licenceWithoutQuantity(VertxTestContext test) {
      JsonObject body = licence();
      body.remove("quantityKg");
      expectInvalid(call(HttpMethod.POST, "/api/v1/licences", tenantKey), body, "quantityKg", test);
    }

    @Test
    @DisplayName("a licence for -5 kg is a 400 naming quantityKg")
    void negativeQuantity(VertxTestContext test) {
      expectInvalid(call(HttpMethod.POST, "/api/v1/licences", tenantKey), licence().put("quantityKg", -5),
          "quantityKg", test);
    }

    @Test
    @DisplayName("a licence to \"Germany\" is a 400 naming destination: it takes an ISO 3166 alpha-2 code")
    void destinationNotACountryCode(VertxTestContext test) {
      expectInvalid(call(HttpMethod.POST, "/api/v1/licences", tenantKey), licence().put("destination", "Germany"),
          "destination", test);
    }

    @Test
    @DisplayName("a licence with an unknown field is a 400 naming it")
    void unknownField(VertxTestContext test) {
      expectInvalid(call(HttpMethod.POST, "/api/v1/licences", tenantKey), licence().put("quantity", 5),
          "quantity", test);
    }

    @Test
    @DisplayName("an Idempotency-Key longer than 200 characters is a 400 naming the header")
    void idempotencyKeyTooLong(VertxTestContext test) {
      expectInvalid(call(HttpMethod.POST, "/api/v1/licences", tenantKey).putHeader("Idempotency-Key", "k".repeat(201)),
          licence(), "Idempotency-Key", test);
    }

    @Test
    @DisplayName("a drawdown whose quantityKg is a string is a 400 naming quantityKg")
    void drawdownQuantityAsString(VertxTestContext test) {
      expectInvalid(call(HttpMethod.POST, "/api/v1/licences/" + UUID.randomUUID() + "/drawdowns", tenantKey),
          new JsonObject().put("quantityKg", "12").put("shipmentRef", "SHP-1"), "quantityKg", test);
    }

    @Test
    @DisplayName("a licence id that is not a UUID is a 400 naming id")
    void licenceIdNotAUuid(VertxTestContext test) {
      call(HttpMethod.GET, "/api/v1/licences/not-a-uuid", tenantKey).send()
          .onComplete(test.succeeding(response -> test.verify(() -> {
            assertProblem(response, 400);
            assertThat(errorFields(response)).contains("id");
            test.completeNow();
          })));
    }

    @Test
    @DisplayName("a suspension from month 13 is a 400 naming from")
    void impossibleSuspensionDate(VertxTestContext test) {
      expectInvalid(call(HttpMethod.POST, MEASURE + "/suspensions", ADMIN_KEY), suspension("2025-13-01"), "from",
          test);
    }

    @Test
    @DisplayName("an amendment that changes nothing is a 400")
    void emptyAmendment(VertxTestContext test) {
      call(HttpMethod.PATCH, MEASURE, ADMIN_KEY).sendJsonObject(new JsonObject())
          .onComplete(test.succeeding(response -> test.verify(() -> {
            assertProblem(response, 400);
            test.completeNow();
          })));
    }

    @Test
    @DisplayName("a licence check without material or hsCode is a 400 naming both")
    void checkWithoutMaterial(VertxTestContext test) {
      call(HttpMethod.GET, "/api/v1/licence-check?destination=DE&endUse=AUTOMOTIVE", tenantKey).send()
          .onComplete(test.succeeding(response -> test.verify(() -> {
            assertProblem(response, 400);
            assertThat(errorFields(response)).containsExactlyInAnyOrder("material", "hsCode");
            test.completeNow();
          })));
    }

    @Test
    @DisplayName("a licence check for a material not in the catalogue is a 400 naming material")
    void checkUnknownMaterial(VertxTestContext test) {
      call(HttpMethod.GET, "/api/v1/licence-check?material=unobtainium&destination=DE&endUse=AUTOMOTIVE", tenantKey)
          .send()
          .onComplete(test.succeeding(response -> test.verify(() -> {
            assertProblem(response, 400);
            assertThat(errorFields(response)).containsExactly("material");
            assertThat(response.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getString("message"))
                .isEqualTo("is not in the material catalogue");
            test.completeNow();
          })));
    }

    /** A position changed in one field, and the field the 400 must name. */
    static Stream<Arguments> invalidPositions() {
      JsonObject withoutEndUse = position();
      withoutEndUse.remove("endUse");
      return Stream.of(
          Arguments.of("a serviceLevel of 1.0 (certainty has no safety stock)", position().put("serviceLevel", 1.0),
              "serviceLevel"),
          Arguments.of("a serviceLevel of 0.4 (below 0.5)", position().put("serviceLevel", 0.4), "serviceLevel"),
          Arguments.of("onHand -1", position().put("onHand", -1), "onHand"),
          Arguments.of("a leadTimeMeanDays of 0", position().put("leadTimeMeanDays", 0), "leadTimeMeanDays"),
          Arguments.of("a demandMeanPerDay that is a string", position().put("demandMeanPerDay", "ten"),
              "demandMeanPerDay"),
          Arguments.of("no endUse", withoutEndUse, "endUse"),
          Arguments.of("a destination \"Germany\" (not an ISO 3166 alpha-2 code)", position().put("destination", "Germany"),
              "destination"),
          Arguments.of("an unknown field", position().put("safetyStock", 500), "safetyStock"),
          Arguments.of("an alternate source with a lead time of 0",
              position().put("alternateSource", new JsonObject().put("leadTimeMeanDays", 0).put("leadTimeStdDays", 1)),
              "alternateSource.leadTimeMeanDays"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidPositions")
    @DisplayName("a position is a 400 naming the field it gets wrong")
    void invalidPosition(String what, JsonObject body, String field, VertxTestContext test) {
      expectInvalid(call(HttpMethod.PUT, POSITION, tenantKey), body, field, test);
    }

    @Test
    @DisplayName("a position at a site id with a space is a 400 naming siteId")
    void siteIdWithASpace(VertxTestContext test) {
      expectInvalid(call(HttpMethod.PUT, "/api/v1/sites/plant%207/positions/ndfeb-n52-dy", tenantKey), position(),
          "siteId", test);
    }

    @Test
    @DisplayName("a site without a name is a 400 naming name")
    void siteWithoutName(VertxTestContext test) {
      JsonObject body = site();
      body.remove("name");
      expectInvalid(call(HttpMethod.POST, "/api/v1/sites", tenantKey), body, "name", test);
    }

    @Test
    @DisplayName("a scenario without changes is a 400 naming changes")
    void scenarioWithoutChanges(VertxTestContext test) {
      expectInvalid(call(HttpMethod.POST, "/api/v1/scenarios", tenantKey), scenario().put("changes", new JsonArray()),
          "changes", test);
    }

    @Test
    @DisplayName("a scenario change of type ASTEROID is a 400 naming its type")
    void scenarioChangeOfUnknownType(VertxTestContext test) {
      JsonObject body = scenario();
      body.getJsonArray("changes").getJsonObject(0).put("type", "ASTEROID");
      expectInvalid(call(HttpMethod.POST, "/api/v1/scenarios", tenantKey), body, "changes[0].type", test);
    }

    @Test
    @DisplayName("a scenario change SUSPENSION_EXTENDED without until is a 400 naming until")
    void extensionWithoutUntil(VertxTestContext test) {
      JsonObject body = scenario();
      body.getJsonArray("changes").getJsonObject(0).remove("until");
      expectInvalid(call(HttpMethod.POST, "/api/v1/scenarios", tenantKey), body, "changes[0].until", test);
    }

    @Test
    @DisplayName("a scenario change NEW_MEASURE whose measure has no source is a 400 naming changes[0].measure.source")
    void newMeasureWithoutSource(VertxTestContext test) {
      JsonObject measure = measure();
      measure.remove("source");
      JsonObject body = new JsonObject().put("changes", new JsonArray()
          .add(new JsonObject().put("type", "NEW_MEASURE").put("measure", measure)));
      expectInvalid(call(HttpMethod.POST, "/api/v1/scenarios", tenantKey), body, "changes[0].measure.source", test);
    }

    @Test
    @DisplayName("a simulation of 0 replications is a 400 naming replications")
    void simulationWithoutReplications(VertxTestContext test) {
      expectInvalid(call(HttpMethod.POST, POSITION + "/simulate", tenantKey), new JsonObject().put("replications", 0),
          "replications", test);
    }

    @Test
    @DisplayName("a recommendations filter on an unknown status is a 400 naming status")
    void unknownRecommendationStatus(VertxTestContext test) {
      call(HttpMethod.GET, "/api/v1/recommendations?status=FINE", tenantKey).send()
          .onComplete(test.succeeding(response -> test.verify(() -> {
            assertProblem(response, 400);
            assertThat(errorFields(response)).containsExactly("status");
            test.completeNow();
          })));
    }

    /** A 400 with one error, naming {@code field}, whose message is what the client needs to read. */
    private void expectInvalid(HttpRequest<Buffer> request, JsonObject body, String field, VertxTestContext test) {
      request.sendJsonObject(body).onComplete(test.succeeding(response -> test.verify(() -> {
        assertProblem(response, 400);
        assertThat(errorFields(response)).as(response.bodyAsString()).containsExactly(field);
        assertThat(response.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getString("message"))
            .doesNotContain("does not match schema", "subschema");
        test.completeNow();
      })));
    }
  }
}
