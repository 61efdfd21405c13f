package io.supplyguard.gateway;

import static io.supplyguard.gateway.TestPlatform.ADMIN_KEY;
import static io.supplyguard.gateway.TestPlatform.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.common.testing.Await;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Tuple;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A tenant never sees or changes another's licences, sites, positions or recommendations: each
 * is a 404 that shows nothing of the other tenant's, and changes nothing.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationTest {
  private static final String EXPORTER = "Owner-only Rare Earths Co.";
  private static final String SITE_NAME = "The owner's secret plant";
  private static final String POSITION = "/api/v1/sites/plant-owner/positions/ndfeb-n52-dy";

  private TestPlatform platform;
  private String owner;
  private String other;
  private String licenceId;

  @BeforeAll
  void start(Vertx vertx) throws Exception {
    platform = Await.result(TestPlatform.start(vertx));
    owner = Await.result(platform.tenantKey("Owner Motors"));
    other = Await.result(platform.tenantKey("Other Motors"));
    licenceId = created(send(HttpMethod.POST, "/api/v1/licences", owner,
        ValidBodies.licence().put("exporter", EXPORTER))).getString("id");
    created(send(HttpMethod.POST, "/api/v1/sites", owner,
        ValidBodies.site().put("id", "plant-owner").put("name", SITE_NAME)));
    HttpResponse<Buffer> position = send(HttpMethod.PUT, POSITION, owner, ValidBodies.position());
    assertThat(position.statusCode()).as(position.bodyAsString()).isEqualTo(200);
  }

  private HttpResponse<Buffer> send(HttpMethod method, String uri, String key, JsonObject body) throws Exception {
    HttpRequest<Buffer> request = platform.call(method, uri, key);
    return Await.result(body == null ? request.send() : request.sendJsonObject(body));
  }

  private static JsonObject created(HttpResponse<Buffer> response) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
    return response.bodyAsJsonObject();
  }

  /** Every read and write of one tenant's resource, made by another tenant. */
  Stream<Arguments> othersResources() {
    String licence = "/api/v1/licences/" + licenceId;
    return Stream.of(
        Arguments.of("read a licence", HttpMethod.GET, licence, null),
        Arguments.of("read a licence's history", HttpMethod.GET, licence + "/history", null),
        Arguments.of("suspend a licence", HttpMethod.POST, licence + "/status",
            new JsonObject().put("status", "SUSPENDED").put("reason", "hostile")),
        Arguments.of("draw down a licence", HttpMethod.POST, licence + "/drawdowns",
            new JsonObject().put("quantityKg", 5).put("shipmentRef", "SHP-HOSTILE")),
        Arguments.of("read a position", HttpMethod.GET, POSITION, null),
        Arguments.of("read a position's recommendation", HttpMethod.GET, POSITION + "/recommendation", null),
        Arguments.of("simulate a position", HttpMethod.POST, POSITION + "/simulate",
            new JsonObject().put("replications", 10)),
        Arguments.of("overwrite a position", HttpMethod.PUT, POSITION, ValidBodies.position().put("onHand", 1)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("othersResources")
  @DisplayName("another tenant's resource is a 404 that shows none of its contents")
  void othersResourceIsNotFound(String what, HttpMethod method, String uri, JsonObject body) throws Exception {
    HttpResponse<Buffer> response = send(method, uri, other, body);
    assertProblem(response, 404);
    assertThat(response.bodyAsString()).doesNotContain(EXPORTER, SITE_NAME, "quantityKg", "onHand", "safetyStock");
    assertOwnersDataUnchanged();
  }

  @Test
  @DisplayName("another tenant's lists hold none of the owner's licences, sites, recommendations or alerts")
  void listsAreTheCallersOwn() throws Exception {
    for (String uri : new String[] {"/api/v1/licences", "/api/v1/sites", "/api/v1/recommendations", "/api/v1/alerts"}) {
      HttpResponse<Buffer> response = send(HttpMethod.GET, uri, other, null);
      assertThat(response.statusCode()).as(uri).isEqualTo(200);
      assertThat(response.bodyAsString()).as(uri).doesNotContain(licenceId, EXPORTER, "plant-owner", SITE_NAME);
    }
    // The owner's own lists do hold them: the check above looks where they would be.
    assertThat(send(HttpMethod.GET, "/api/v1/licences", owner, null).bodyAsString()).contains(licenceId);
    assertThat(send(HttpMethod.GET, "/api/v1/sites", owner, null).bodyAsString()).contains("plant-owner");
    assertThat(send(HttpMethod.GET, "/api/v1/recommendations", owner, null).bodyAsString()).contains("plant-owner");
  }

  @Test
  @DisplayName("ADMIN reads a tenant's positions, recommendations, sites, alerts and licences by naming it in tenantId, and only that tenant's")
  void adminNamesTheTenant() throws Exception {
    String ownerId = tenantIdOf("Owner Motors");
    String otherId = tenantIdOf("Other Motors");
    HttpResponse<Buffer> position = send(HttpMethod.GET, POSITION + "/recommendation?tenantId=" + ownerId, ADMIN_KEY, null);
    assertThat(position.statusCode()).as(position.bodyAsString()).isEqualTo(200);
    assertThat(position.bodyAsJsonObject().getDouble("safetyStock")).isPositive();
    assertThat(send(HttpMethod.GET, "/api/v1/sites?tenantId=" + ownerId, ADMIN_KEY, null).bodyAsString())
        .contains("plant-owner");
    assertThat(send(HttpMethod.GET, "/api/v1/recommendations?tenantId=" + ownerId, ADMIN_KEY, null).bodyAsString())
        .contains("plant-owner");
    assertThat(send(HttpMethod.GET, "/api/v1/alerts?tenantId=" + ownerId, ADMIN_KEY, null).statusCode()).isEqualTo(200);
    assertThat(send(HttpMethod.GET, "/api/v1/licences?tenantId=" + ownerId, ADMIN_KEY, null).bodyAsString())
        .contains(licenceId);
    assertThat(send(HttpMethod.GET, "/api/v1/licences/" + licenceId + "?tenantId=" + ownerId, ADMIN_KEY, null)
        .statusCode()).isEqualTo(200);

    assertProblem(send(HttpMethod.GET, POSITION + "?tenantId=" + otherId, ADMIN_KEY, null), 404);
    assertProblem(send(HttpMethod.GET, "/api/v1/licences/" + licenceId + "?tenantId=" + otherId, ADMIN_KEY, null), 404);
    assertThat(send(HttpMethod.GET, "/api/v1/licences?tenantId=" + otherId, ADMIN_KEY, null).bodyAsString())
        .doesNotContain(licenceId);
    assertProblem(send(HttpMethod.GET, "/api/v1/sites", ADMIN_KEY, null), 403);
  }

  @Test
  @DisplayName("a TENANT naming a tenant in tenantId, even its own, is a 400 naming tenantId")
  void tenantMayNotNameATenant() throws Exception {
    for (String named : new String[] {tenantIdOf("Owner Motors"), tenantIdOf("Other Motors")}) {
      HttpResponse<Buffer> response = send(HttpMethod.GET, "/api/v1/sites?tenantId=" + named, other, null);
      assertProblem(response, 400);
      assertThat(TestPlatform.errorFields(response)).containsExactly("tenantId");
      assertThat(response.bodyAsString()).doesNotContain("plant-owner");
    }
  }

  private String tenantIdOf(String name) throws Exception {
    return Await.result(platform.gatewayDb().preparedQuery("SELECT id FROM gateway.tenant WHERE name = $1")
        .execute(Tuple.of(name))).iterator().next().getUUID("id").toString();
  }

  /** Nothing another tenant tried changed the owner's licence or position. */
  private void assertOwnersDataUnchanged() throws Exception {
    JsonObject licence = send(HttpMethod.GET, "/api/v1/licences/" + licenceId, owner, null).bodyAsJsonObject();
    assertThat(licence.getString("status")).isEqualTo("ACTIVE");
    assertThat(licence.getDouble("drawnKg")).isZero();
    JsonObject position = send(HttpMethod.GET, POSITION, owner, null).bodyAsJsonObject();
    assertThat(position.getDouble("onHand")).isEqualTo(900.0);
  }
}
