package io.supplyguard.gateway;

import static io.supplyguard.gateway.TestPlatform.ADMIN_KEY;
import static io.supplyguard.gateway.TestPlatform.assertProblem;
import static io.supplyguard.gateway.TestPlatform.errorFields;
import static io.supplyguard.gateway.ValidBodies.licence;
import static io.supplyguard.gateway.ValidBodies.measure;
import static io.supplyguard.gateway.ValidBodies.suspension;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
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
 * What the gateway refuses before a service decides anything: a role that may not call an
 * operation, and a request the contract does not allow. Each refusal is a problem+json.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouteGuardsTest {
  private static final String MEASURE = "/api/v1/regime/measures/MOFCOM-2025-61";

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

  /** Every ADMIN operation, each with a request the contract accepts. */
  static Stream<Arguments> adminOperations() {
    return Stream.of(
        Arguments.of("createMeasure", HttpMethod.POST, "/api/v1/regime/measures", measure()),
        Arguments.of("amendMeasure", HttpMethod.PATCH, MEASURE, new JsonObject().put("title", "Renamed")),
        Arguments.of("addSuspension", HttpMethod.POST, MEASURE + "/suspensions", suspension("2026-12-01")),
        Arguments.of("liftSuspension", HttpMethod.POST, MEASURE + "/suspensions/1/lift",
            new JsonObject().put("on", "2026-12-15")),
        Arguments.of("regimeHistory", HttpMethod.GET, "/api/v1/regime/history?limit=10", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("adminOperations")
  @DisplayName("a TENANT key is refused every ADMIN operation with a 403 problem")
  void tenantMayNotChangeTheRegime(String operationId, HttpMethod method, String uri, JsonObject body,
      VertxTestContext test) {
    HttpRequest<Buffer> request = call(method, uri, tenantKey);
    (body == null ? request.send() : request.sendJsonObject(body))
        .onComplete(test.succeeding(response -> test.verify(() -> {
          assertProblem(response, 403);
          assertThat(response.bodyAsJsonObject().getString("detail")).contains("ADMIN");
          test.completeNow();
        })));
  }

  @Test
  @DisplayName("the ADMIN key may not register a licence: licences belong to a tenant")
  void adminMayNotRegisterALicence(VertxTestContext test) {
    call(HttpMethod.POST, "/api/v1/licences", ADMIN_KEY).sendJsonObject(licence())
        .onComplete(test.succeeding(response -> test.verify(() -> {
          assertProblem(response, 403);
          assertThat(response.bodyAsJsonObject().getString("detail")).contains("TENANT");
          test.completeNow();
        })));
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
    @DisplayName("a licence check without material is a 400 naming material")
    void checkWithoutMaterial(VertxTestContext test) {
      call(HttpMethod.GET, "/api/v1/licence-check?destination=DE&endUse=AUTOMOTIVE", tenantKey).send()
          .onComplete(test.succeeding(response -> test.verify(() -> {
            assertProblem(response, 400);
            assertThat(errorFields(response)).containsExactly("material");
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
