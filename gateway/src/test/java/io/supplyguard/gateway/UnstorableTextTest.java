package io.supplyguard.gateway;

import static io.supplyguard.gateway.TestPlatform.ADMIN_KEY;
import static io.supplyguard.gateway.TestPlatform.assertProblem;
import static io.supplyguard.gateway.TestPlatform.errorFields;
import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.common.testing.Await;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.sqlclient.Pool;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Text PostgreSQL cannot store, or would store wrongly, is refused by the contract with a 400 naming
 * the field, whatever the operation: a NUL was a 500, a lone surrogate was stored as "?". Tab and
 * line breaks are refused too, except in the fields that take several lines (MultilineText).
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnstorableTextTest {
  private TestPlatform platform;
  private String tenantKey;
  private String licenceId;

  @BeforeAll
  void start(Vertx vertx) throws Exception {
    platform = Await.result(TestPlatform.start(vertx));
    tenantKey = Await.result(platform.tenantKey("Text tenant"));
    Await.result(platform.call(HttpMethod.POST, "/api/v1/sites", tenantKey).sendJsonObject(ValidBodies.site()));
    licenceId = Await.result(platform.call(HttpMethod.POST, "/api/v1/licences", tenantKey)
        .sendJsonObject(ValidBodies.licence())).bodyAsJsonObject().getString("id");
    Await.result(platform.call(HttpMethod.POST, "/api/v1/licences/" + licenceId + "/status", tenantKey)
        .sendJsonObject(new JsonObject().put("status", "SUSPENDED").put("reason", "fine")));
  }

  /** JSON escapes, sent as the raw text a client writes: the parser turns them into the characters. */
  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"a\\u0000b", "a\\u0007b", "a\\u001fb", "a\\ud800b", "a\\udc00b", "\\ud83d", "a\\tb",
      "a\\r\\nb"})
  @DisplayName("a tenant's name with a control character, tab, line break or lone surrogate: 400 on name, no tenant")
  void tenantName(String escaped) throws Exception {
    long before = tenants();
    HttpResponse<Buffer> response = Await.result(platform.call(HttpMethod.POST, "/api/v1/tenants", ADMIN_KEY)
        .putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer("{\"name\": \"" + escaped + "\"}")));
    assertProblem(response, 400);
    assertThat(errorFields(response)).containsExactly("name");
    assertThat(response.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getString("message"))
        .contains("control characters");
    assertThat(tenants()).isEqualTo(before);
  }

  @Test
  @DisplayName("a surrogate pair (an emoji), a BOM, combining marks and a right-to-left override are ordinary text")
  void ordinaryText() throws Exception {
    HttpResponse<Buffer> response = Await.result(platform.call(HttpMethod.POST, "/api/v1/tenants", ADMIN_KEY)
        .putHeader("Content-Type", "application/json")
        .sendBuffer(Buffer.buffer("{\"name\": \"\\ufeffAcme Mo\\u0308tors \\u202eEurope \\ud83d\\ude97\"}")));
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
    assertThat(response.bodyAsJsonObject().getString("name"))
        .isEqualTo("\uFEFFAcme Mo\u0308tors \u202EEurope \uD83D\uDE97");
  }

  @Test
  @DisplayName("a status reason may hold tab and line breaks, and nothing else of C0")
  void multilineText() throws Exception {
    String other = Await.result(platform.call(HttpMethod.POST, "/api/v1/licences", tenantKey)
        .sendJsonObject(ValidBodies.licence())).bodyAsJsonObject().getString("id");
    String status = "/api/v1/licences/" + other + "/status";
    assertRefused(HttpMethod.POST, status, "{\"status\": \"SUSPENDED\", \"reason\": \"a\\u000bb\"}", "reason");
    HttpResponse<Buffer> response = Await.result(platform.call(HttpMethod.POST, status, tenantKey)
        .putHeader("Content-Type", "application/json")
        .sendBuffer(Buffer.buffer("{\"status\": \"SUSPENDED\", \"reason\": \"audit\\tQ3\\r\\nsee notes\"}")));
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
  }

  @Test
  @DisplayName("the same in a site's name, a licence's exporter, a drawdown's shipmentRef and a status reason")
  void everyWrite() throws Exception {
    assertRefused(HttpMethod.POST, "/api/v1/sites",
        "{\"id\": \"plant-9\", \"name\": \"a\\u0000b\", \"country\": \"DE\"}", "name");
    JsonObject licence = ValidBodies.licence();
    licence.remove("exporter");
    String body = licence.encode().replaceFirst("\\{", "{\"exporter\": \"Baotou\\\\u0000\",");
    assertRefused(HttpMethod.POST, "/api/v1/licences", body, "exporter");
    assertRefused(HttpMethod.POST, "/api/v1/licences/" + licenceId + "/drawdowns",
        "{\"quantityKg\": 1, \"shipmentRef\": \"b\\u0000c\"}", "shipmentRef");
    assertRefused(HttpMethod.POST, "/api/v1/licences/" + licenceId + "/status",
        "{\"status\": \"ACTIVE\", \"reason\": \"resumed\\ud800\"}", "reason");
    JsonObject stored = Await.result(platform.call(HttpMethod.GET, "/api/v1/licences/" + licenceId, tenantKey).send())
        .bodyAsJsonObject();
    assertThat(stored.getString("status")).isEqualTo("SUSPENDED");
    assertThat(stored.getDouble("drawnKg")).isZero();
    List<?> sites = Await.result(platform.call(HttpMethod.GET, "/api/v1/sites", tenantKey).send()).bodyAsJsonObject()
        .getJsonArray("sites").getList();
    assertThat(sites).hasSize(1);
  }

  @Test
  @DisplayName("a path parameter with a NUL (%00) is refused by name too")
  void pathParameter() throws Exception {
    HttpResponse<Buffer> response = Await.result(
        platform.call(HttpMethod.GET, "/api/v1/licences/a%00b", tenantKey).send());
    assertProblem(response, 400);
  }

  private void assertRefused(HttpMethod method, String uri, String body, String field) throws Exception {
    HttpResponse<Buffer> response = Await.result(platform.call(method, uri, tenantKey)
        .putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(body)));
    assertProblem(response, 400);
    assertThat(errorFields(response)).as(uri).containsExactly(field);
  }

  private long tenants() throws Exception {
    Pool db = platform.gatewayDb();
    return Await.result(db.query("SELECT count(*) FROM gateway.tenant").execute()).iterator().next().getLong(0);
  }
}
