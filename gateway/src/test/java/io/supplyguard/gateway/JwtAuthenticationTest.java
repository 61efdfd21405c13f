package io.supplyguard.gateway;

import static io.supplyguard.gateway.TestPlatform.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.common.testing.Await;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
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
 * JWTs carrying the role and the tenant, verified with keys from the gateway's configuration
 * only: an RS256 public key and an HS256 secret, both made for this run.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JwtAuthenticationTest {
  private static final String ISSUER = "https://login.example.test/";
  private static final String AUDIENCE = "supplyguard-api";
  private static final String TENANT_ONLY = "/api/v1/sites";
  private static final String ADMIN_ONLY = "/api/v1/regime/history";

  private KeyPair signer;
  private KeyPair stranger;
  private byte[] secret;
  private TestPlatform platform;
  private String tenantId;

  @BeforeAll
  void start(Vertx vertx) throws Exception {
    signer = TestJwts.rsaKeyPair();
    stranger = TestJwts.rsaKeyPair();
    byte[] random = new byte[36];
    new SecureRandom().nextBytes(random);
    secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random).getBytes(StandardCharsets.US_ASCII);
    platform = Await.result(TestPlatform.start(vertx, new JsonObject()
        .put("GATEWAY_JWT_PUBLIC_KEY", TestJwts.pem(signer.getPublic()))
        .put("GATEWAY_JWT_ALGORITHM", "RS256")
        .put("GATEWAY_JWT_HMAC_SECRET", new String(secret, StandardCharsets.US_ASCII))
        .put("GATEWAY_JWT_ISSUER", ISSUER)
        .put("GATEWAY_JWT_AUDIENCE", AUDIENCE)));
    tenantId = Await.result(platform.tenant("Token Motors")).getString("id");
  }

  private static JsonObject claims(String role, String tenant) {
    JsonObject claims = new JsonObject().put("iss", ISSUER).put("aud", AUDIENCE).put("sub", "erp-system")
        .put("exp", Instant.now().plusSeconds(300).getEpochSecond()).put("role", role);
    return tenant == null ? claims : claims.put("tenant", tenant);
  }

  private HttpResponse<Buffer> get(String uri, String token) throws Exception {
    return Await.result(platform.call(HttpMethod.GET, uri, token).send());
  }

  @Test
  @DisplayName("a valid TENANT token acts for its tenant, and is refused ADMIN operations")
  void tenantToken() throws Exception {
    String token = TestJwts.rs256(signer.getPrivate(), claims("TENANT", tenantId));
    HttpResponse<Buffer> sites = get(TENANT_ONLY, token);
    assertThat(sites.statusCode()).as(sites.bodyAsString()).isEqualTo(200);
    HttpResponse<Buffer> created = Await.result(platform.call(HttpMethod.POST, "/api/v1/sites", token)
        .sendJsonObject(ValidBodies.site()));
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    assertThat(get(TENANT_ONLY, token).bodyAsString()).contains("plant-7");
    assertProblem(get(ADMIN_ONLY, token), 403);
  }

  @Test
  @DisplayName("a valid ADMIN token manages the regime, and is refused TENANT-only operations")
  void adminToken() throws Exception {
    String token = TestJwts.rs256(signer.getPrivate(), claims("ADMIN", null));
    assertThat(get(ADMIN_ONLY, token).statusCode()).isEqualTo(200);
    assertProblem(get(TENANT_ONLY, token), 403);
  }

  @Test
  @DisplayName("a token signed with the configured HS256 secret is accepted")
  void hmacToken() throws Exception {
    assertThat(get(TENANT_ONLY, TestJwts.hs256(secret, claims("TENANT", tenantId))).statusCode()).isEqualTo(200);
  }

  /** Tokens that must each be a 401. */
  Stream<Arguments> refusedTokens() throws Exception {
    JsonObject valid = claims("TENANT", tenantId);
    JsonObject noExp = valid.copy();
    noExp.remove("exp");
    JsonObject noRole = valid.copy();
    noRole.remove("role");
    JsonObject noTenant = valid.copy();
    noTenant.remove("tenant");
    byte[] publicKeyAsSecret = TestJwts.pem(signer.getPublic()).getBytes(StandardCharsets.US_ASCII);
    return Stream.of(
        Arguments.of("expired two minutes ago",
            TestJwts.rs256(signer.getPrivate(), valid.copy().put("exp", Instant.now().minusSeconds(120).getEpochSecond()))),
        Arguments.of("signed by another key", TestJwts.rs256(stranger.getPrivate(), valid)),
        Arguments.of("signed with another HS256 secret", TestJwts.hs256("another-secret-of-at-least-32-characters".getBytes(StandardCharsets.US_ASCII), valid)),
        Arguments.of("HS256 with the public key as its secret", TestJwts.hs256(publicKeyAsSecret, valid)),
        Arguments.of("alg none", TestJwts.unsigned(valid)),
        Arguments.of("a signature cut off", TestJwts.rs256(signer.getPrivate(), valid).replaceAll("\\.[^.]*$", ".")),
        Arguments.of("another issuer", TestJwts.rs256(signer.getPrivate(), valid.copy().put("iss", "https://evil.test/"))),
        Arguments.of("another audience", TestJwts.rs256(signer.getPrivate(), valid.copy().put("aud", "other-api"))),
        Arguments.of("no issuer", TestJwts.rs256(signer.getPrivate(), without(valid, "iss"))),
        Arguments.of("no audience", TestJwts.rs256(signer.getPrivate(), without(valid, "aud"))),
        Arguments.of("no exp", TestJwts.rs256(signer.getPrivate(), noExp)),
        Arguments.of("no role", TestJwts.rs256(signer.getPrivate(), noRole)),
        Arguments.of("role ROOT", TestJwts.rs256(signer.getPrivate(), valid.copy().put("role", "ROOT"))),
        Arguments.of("TENANT without a tenant", TestJwts.rs256(signer.getPrivate(), noTenant)),
        Arguments.of("a tenant that is not an id", TestJwts.rs256(signer.getPrivate(), valid.copy().put("tenant", "acme"))),
        Arguments.of("a tenant that does not exist",
            TestJwts.rs256(signer.getPrivate(), valid.copy().put("tenant", UUID.randomUUID().toString()))),
        Arguments.of("a payload changed after signing", tampered(TestJwts.rs256(signer.getPrivate(), valid))));
  }

  private static JsonObject without(JsonObject claims, String name) {
    JsonObject copy = claims.copy();
    copy.remove(name);
    return copy;
  }

  /** The signed token with its payload swapped for one naming the ADMIN role. */
  private String tampered(String token) {
    String[] parts = token.split("\\.");
    String admin = Base64.getUrlEncoder().withoutPadding().encodeToString(
        claims("ADMIN", null).encode().getBytes(StandardCharsets.UTF_8));
    return parts[0] + "." + admin + "." + parts[2];
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedTokens")
  @DisplayName("a token that is not valid is a 401 problem")
  void refused(String what, String token) throws Exception {
    assertProblem(get(TENANT_ONLY, token), 401);
    assertProblem(get("/api/v1/regime/elements", token), 401);
  }

  @Test
  @DisplayName("a gateway configured without JWT keys refuses every JWT with a 401 that says so")
  void noKeysNoJwts(Vertx vertx) throws Exception {
    TestPlatform withoutJwts = Await.result(platform.anotherGateway(vertx, new JsonObject()
        .put("GATEWAY_JWT_PUBLIC_KEY", "").put("GATEWAY_JWT_HMAC_SECRET", "")));
    HttpResponse<Buffer> response = Await.result(withoutJwts.call(HttpMethod.GET, TENANT_ONLY,
        TestJwts.rs256(signer.getPrivate(), claims("TENANT", tenantId))).send());
    assertProblem(response, 401);
    assertThat(response.bodyAsJsonObject().getString("detail")).contains("accepts no JWTs");
  }
}
