package io.supplyguard.gateway;

import static io.supplyguard.gateway.TestPlatform.ADMIN_KEY;
import static io.supplyguard.gateway.TestPlatform.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.common.testing.Await;
import io.supplyguard.gateway.auth.ApiKeys;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Map;
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
 * Credentials and roles on every operation of the OpenAPI document, read from the document:
 * an operation added later is covered without touching this test. Every refusal is a problem
 * and comes before the request's shape is looked at.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContractGuardsTest {
  /** A body no operation accepts: a role check that ran after validation would answer 400. */
  private static final JsonObject INVALID_BODY = new JsonObject().put("notAField", true);

  private TestPlatform platform;
  private Map<String, String> keyOfRole;
  private String revokedKey;
  private String tenantId;

  @BeforeAll
  void start(Vertx vertx) throws Exception {
    platform = Await.result(TestPlatform.start(vertx));
    JsonObject tenant = Await.result(platform.tenant("Guarded Operations Ltd"));
    keyOfRole = Map.of("ADMIN", ADMIN_KEY, "TENANT", tenant.getString("apiKey"));
    tenantId = tenant.getString("id");
    String keys = "/api/v1/tenants/" + tenant.getString("id") + "/keys";
    JsonObject issued = Await.result(platform.call(HttpMethod.POST, keys, ADMIN_KEY).send()).bodyAsJsonObject();
    HttpResponse<Buffer> revoked = Await.result(platform.call(HttpMethod.POST,
        keys + "/" + issued.getString("id") + "/revoke", ADMIN_KEY).send());
    assertThat(revoked.statusCode()).as(revoked.bodyAsString()).isEqualTo(200);
    revokedKey = issued.getString("apiKey");
  }

  static List<ContractOperations> operations() {
    return ContractOperations.all();
  }

  /** Each operation with each role its {@code x-roles} leaves out. */
  static Stream<Arguments> refusedRoles() {
    return operations().stream().flatMap(operation -> Stream.of("ADMIN", "TENANT")
        .filter(role -> !operation.roles().contains(role))
        .map(role -> Arguments.of(operation, role)));
  }

  /** Each operation with each role its {@code x-roles} names. */
  static Stream<Arguments> allowedRoles() {
    return operations().stream().flatMap(operation -> operation.roles().stream()
        .map(role -> Arguments.of(operation, role)));
  }

  private HttpResponse<Buffer> call(ContractOperations operation, String authorization) throws Exception {
    return call(operation, operation.uri(), authorization);
  }

  private HttpResponse<Buffer> call(ContractOperations operation, String uri, String authorization) throws Exception {
    HttpRequest<Buffer> request = platform.call(operation.method(), uri, null);
    if (authorization != null) {
      request.putHeader("Authorization", authorization);
    }
    return Await.result(operation.hasBody() ? request.sendJsonObject(INVALID_BODY) : request.send());
  }

  @Test
  @DisplayName("the document has operations, and every one of them names the roles that may call it")
  void everyOperationNamesItsRoles() {
    assertThat(operations()).hasSizeGreaterThanOrEqualTo(31);
    assertThat(operations()).allSatisfy(operation ->
        assertThat(operation.roles()).as(operation.operationId()).isNotEmpty().isSubsetOf("ADMIN", "TENANT"));
  }

  /** The ADMIN-only regime history, spelled in ways a router may read as the same path. */
  static Stream<String> respelledPaths() {
    return Stream.of("/api/v1/regime/history/", "//api/v1/regime/history", "/api/v1//regime/history",
        "/api/v1/regime/./history", "/api/v1/x/../regime/history", "/api/v1/regime/%68istory", "/API/v1/regime/history");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("respelledPaths")
  @DisplayName("a path spelled differently neither skips authentication nor the role check")
  void respelledPath(String path) throws Exception {
    for (String authorization : new String[] {null, "Bearer " + keyOfRole.get("TENANT")}) {
      HttpRequest<Buffer> request = platform.call(HttpMethod.GET, path, null);
      if (authorization != null) {
        request.putHeader("Authorization", authorization);
      }
      HttpResponse<Buffer> response = Await.result(request.send());
      assertThat(response.statusCode()).as(path + " with " + authorization + ": " + response.bodyAsString())
          .isIn(401, 403, 404);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  @DisplayName("no credentials is a 401 problem")
  void noCredentials(ContractOperations operation) throws Exception {
    assertProblem(call(operation, null), 401);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  @DisplayName("credentials that are not a bearer token, an empty token, an unknown key and a malformed JWT are each a 401 problem")
  void invalidCredentials(ContractOperations operation) throws Exception {
    for (String authorization : List.of("Basic " + ADMIN_KEY, "Bearer ", "Bearer " + ApiKeys.generate(),
        "Bearer not.a.jwt")) {
      HttpResponse<Buffer> response = call(operation, authorization);
      assertThat(response.statusCode()).as(authorization).isEqualTo(401);
      assertProblem(response, 401);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  @DisplayName("a revoked key is a 401 problem")
  void revokedKey(ContractOperations operation) throws Exception {
    assertProblem(call(operation, "Bearer " + revokedKey), 401);
  }

  @ParameterizedTest(name = "{1} on {0}")
  @MethodSource("refusedRoles")
  @DisplayName("a role the operation's x-roles leaves out is a 403 problem, even with an invalid body")
  void refusedRole(ContractOperations operation, String role) throws Exception {
    HttpResponse<Buffer> response = call(operation, "Bearer " + keyOfRole.get(role));
    assertProblem(response, 403);
    assertThat(response.bodyAsJsonObject().getString("detail")).contains(operation.roles().get(0));
  }

  @ParameterizedTest(name = "{1} on {0}")
  @MethodSource("allowedRoles")
  @DisplayName("a role the operation's x-roles names gets past authentication and the role check (and no service refuses it)")
  void allowedRole(ContractOperations operation, String role) throws Exception {
    // ADMIN reads a tenant's data by naming the tenant, where the operation lets it.
    String uri = role.equals("ADMIN") && operation.namesTenant()
        ? operation.uri() + "?tenantId=" + tenantId : operation.uri();
    if (operation.operationId().equals("streamEvents")) {
      // The event stream never ends: a resume point it refuses makes it answer at once, after the role check.
      uri = uri + "?lastEventId=-1";
    }
    HttpResponse<Buffer> response = call(operation, uri, "Bearer " + keyOfRole.get(role));
    assertThat(response.statusCode()).as(response.bodyAsString()).isNotIn(401, 403).isLessThan(500);
  }
}
