package io.supplyguard.gateway;

import static io.supplyguard.gateway.TestPlatform.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.common.testing.Await;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract's quantities are exact to the gram, and the gateway holds requests to it before
 * any service sees them: the same rule as the licence-service's, no longer only the service's.
 */
class QuantityContractTest extends PlatformTest {
  private String tenant;

  @BeforeAll
  void tenant() throws Exception {
    tenant = Await.result(platform.tenantKey("Grams GmbH"));
  }

  @Test
  @DisplayName("a licence of 1.0005 kg is refused by the contract with a 400 naming quantityKg")
  void finerThanAGram(VertxTestContext test) {
    platform.call(HttpMethod.POST, "/api/v1/licences", tenant)
        .sendJsonObject(ValidBodies.licence().put("quantityKg", 1.0005))
        .onComplete(test.succeeding(response -> test.verify(() -> {
          assertProblem(response, 400);
          JsonObject problem = response.bodyAsJsonObject();
          assertThat(problem.getString("detail")).startsWith("The request does not match the API contract");
          assertThat(problem.getJsonArray("errors").stream().map(e -> ((JsonObject) e).getString("field")))
              .containsOnly("quantityKg");
          test.completeNow();
        })));
  }

  @Test
  @DisplayName("a licence of 999999999999.999 kg, to the gram and within the bound, is registered")
  void largestQuantity(VertxTestContext test) {
    platform.call(HttpMethod.POST, "/api/v1/licences", tenant)
        .sendJsonObject(ValidBodies.licence().put("quantityKg", 999999999999.999))
        .onComplete(test.succeeding(response -> test.verify(() -> {
          assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
          test.completeNow();
        })));
  }

  @Test
  @DisplayName("a drawdown of 1e309 kg (JSON the parser reads as infinity) is a 400 naming quantityKg, not a 500")
  void infiniteQuantity(VertxTestContext test) {
    String body = "{\"quantityKg\": 1e309, \"shipmentRef\": \"SHP-INF\"}";
    platform.call(HttpMethod.POST, "/api/v1/licences", tenant).sendJsonObject(ValidBodies.licence())
        .compose(created -> platform.call(HttpMethod.POST,
                "/api/v1/licences/" + created.bodyAsJsonObject().getString("id") + "/drawdowns", tenant)
            .putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(body)))
        .onComplete(test.succeeding(response -> test.verify(() -> {
          assertProblem(response, 400);
          assertThat(response.bodyAsJsonObject().getJsonArray("errors").stream()
              .map(e -> ((JsonObject) e).getString("field"))).containsOnly("quantityKg");
          test.completeNow();
        })));
  }
}
