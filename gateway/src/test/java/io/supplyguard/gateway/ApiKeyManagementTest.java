package io.supplyguard.gateway;

import static io.supplyguard.gateway.TestPlatform.ADMIN_KEY;
import static io.supplyguard.gateway.TestPlatform.assertProblem;
import static io.supplyguard.gateway.TestPlatform.errorFields;
import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.common.testing.Await;
import io.supplyguard.gateway.auth.ApiKeys;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * ADMIN manages a tenant's keys: list, issue, rotate (with and without a grace period) and
 * revoke, on two gateway replicas sharing the event bus and the database. The key cache's TTL
 * is ten minutes here, so a key refused within seconds was refused because of the revocation,
 * not because its cache entry aged out.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiKeyManagementTest {
  private static final JsonObject LONG_CACHE = new JsonObject().put("GATEWAY_KEY_CACHE_TTL_MS", "600000");
  private static final String TENANT_ONLY = "/api/v1/sites";

  private TestPlatform gateway;
  private TestPlatform replica;

  @BeforeAll
  void start(Vertx vertx) throws Exception {
    gateway = Await.result(TestPlatform.start(vertx, LONG_CACHE));
    replica = Await.result(gateway.anotherGateway(vertx, LONG_CACHE));
  }

  private static HttpResponse<Buffer> send(TestPlatform on, HttpMethod method, String uri, String key,
      JsonObject body) throws Exception {
    HttpRequest<Buffer> request = on.call(method, uri, key);
    return Await.result(body == null ? request.send() : request.sendJsonObject(body));
  }

  private static int statusWith(TestPlatform on, String key) throws Exception {
    return send(on, HttpMethod.GET, TENANT_ONLY, key, null).statusCode();
  }

  /** Polls until {@code key} is refused on {@code on}; the time it took, or a failure after {@code limit}. */
  private static Duration untilRefused(TestPlatform on, String key, Duration limit) throws Exception {
    Instant start = Instant.now();
    while (statusWith(on, key) != 401) {
      assertThat(Duration.between(start, Instant.now())).as("key still accepted").isLessThan(limit);
      Thread.sleep(50);
    }
    return Duration.between(start, Instant.now());
  }

  private String keysOf(JsonObject tenant) {
    return "/api/v1/tenants/" + tenant.getString("id") + "/keys";
  }

  private JsonObject keyAction(JsonObject tenant, String keyId, String action, JsonObject body, int status)
      throws Exception {
    HttpResponse<Buffer> response = send(gateway, HttpMethod.POST, keysOf(tenant) + "/" + keyId + "/" + action,
        ADMIN_KEY, body);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
    return response.bodyAsJsonObject();
  }

  private String firstKeyId(JsonObject tenant) throws Exception {
    return send(gateway, HttpMethod.GET, keysOf(tenant), ADMIN_KEY, null).bodyAsJsonObject()
        .getJsonArray("keys").getJsonObject(0).getString("id");
  }

  @Test
  @DisplayName("an issued key is shown once, stored as its hash, works at once; the list shows ids and dates only; a revoked key is a 401 at once")
  void issueListAndRevoke() throws Exception {
    JsonObject tenant = Await.result(gateway.tenant("Keyed Motors"));
    HttpResponse<Buffer> issued = send(gateway, HttpMethod.POST, keysOf(tenant), ADMIN_KEY, null);
    assertThat(issued.statusCode()).as(issued.bodyAsString()).isEqualTo(201);
    String apiKey = issued.bodyAsJsonObject().getString("apiKey");
    String keyId = issued.bodyAsJsonObject().getString("id");
    assertThat(apiKey).startsWith("sgk_");
    assertThat(statusWith(gateway, apiKey)).isEqualTo(200);

    String stored = Await.result(gateway.gatewayDb().preparedQuery("SELECT key_hash FROM gateway.api_key WHERE id = $1")
        .execute(Tuple.of(UUID.fromString(keyId)))).iterator().next().getString("key_hash");
    assertThat(stored).isEqualTo(ApiKeys.hash(apiKey));

    HttpResponse<Buffer> list = send(gateway, HttpMethod.GET, keysOf(tenant), ADMIN_KEY, null);
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.bodyAsJsonObject().getJsonArray("keys")).hasSize(2);
    assertThat(list.bodyAsString()).contains(keyId).doesNotContain(apiKey, stored, tenant.getString("apiKey"), "sgk_");

    JsonObject revoked = keyAction(tenant, keyId, "revoke", null, 200);
    assertThat(revoked.getString("revokedAt")).isNotBlank();
    assertThat(revoked.containsKey("apiKey")).isFalse();
    HttpResponse<Buffer> refused = send(gateway, HttpMethod.GET, TENANT_ONLY, apiKey, null);
    assertProblem(refused, 401);
    assertThat(statusWith(gateway, tenant.getString("apiKey"))).as("the tenant's other key").isEqualTo(200);
    assertThat(keyAction(tenant, keyId, "revoke", null, 200).getString("revokedAt"))
        .as("revoking again changes nothing").isEqualTo(revoked.getString("revokedAt"));
  }

  @Test
  @DisplayName("rotation without a grace period: the new key works, the old one is a 401 at once, and it cannot be rotated again")
  void rotationWithoutGrace() throws Exception {
    JsonObject tenant = Await.result(gateway.tenant("Rotating Motors"));
    String oldKey = tenant.getString("apiKey");
    assertThat(statusWith(gateway, oldKey)).isEqualTo(200); // now cached
    String oldId = firstKeyId(tenant);

    JsonObject rotated = keyAction(tenant, oldId, "rotate", null, 201);
    assertThat(rotated.getString("replaces")).isEqualTo(oldId);
    assertThat(rotated.getJsonObject("replaced").getString("revokedAt")).isNotBlank();
    assertProblem(send(gateway, HttpMethod.GET, TENANT_ONLY, oldKey, null), 401);
    assertThat(statusWith(gateway, rotated.getString("apiKey"))).isEqualTo(200);
    assertProblem(send(gateway, HttpMethod.POST, keysOf(tenant) + "/" + oldId + "/rotate", ADMIN_KEY, null), 409);
  }

  @Test
  @DisplayName("rotation with a grace period: the old key keeps working on both replicas until the grace ends, then is a 401 on both")
  void rotationWithGrace() throws Exception {
    JsonObject tenant = Await.result(gateway.tenant("Graceful Motors"));
    String oldKey = tenant.getString("apiKey");
    assertThat(statusWith(gateway, oldKey)).isEqualTo(200);
    assertThat(statusWith(replica, oldKey)).isEqualTo(200);

    Instant asked = Instant.now();
    JsonObject rotated = keyAction(tenant, firstKeyId(tenant), "rotate", new JsonObject().put("graceSeconds", 2), 201);
    Instant revokedAt = Instant.parse(rotated.getJsonObject("replaced").getString("revokedAt"));
    assertThat(Duration.between(asked, revokedAt)).isBetween(Duration.ofMillis(1500), Duration.ofMillis(2500));
    assertThat(statusWith(gateway, oldKey)).as("old key in its grace period").isEqualTo(200);
    assertThat(statusWith(replica, oldKey)).as("old key in its grace period, other replica").isEqualTo(200);
    assertThat(statusWith(gateway, rotated.getString("apiKey"))).isEqualTo(200);

    untilRefused(gateway, oldKey, Duration.ofSeconds(10));
    untilRefused(replica, oldKey, Duration.ofSeconds(5));
    assertThat(Instant.now()).isAfterOrEqualTo(revokedAt);
    assertThat(statusWith(replica, rotated.getString("apiKey"))).isEqualTo(200);
  }

  @Test
  @DisplayName("a key revoked on one replica is refused within a second by another replica that had it cached")
  void revocationReachesTheOtherReplica() throws Exception {
    JsonObject tenant = Await.result(gateway.tenant("Replicated Motors"));
    String key = tenant.getString("apiKey");
    assertThat(statusWith(replica, key)).isEqualTo(200); // cached on the replica for ten minutes

    keyAction(tenant, firstKeyId(tenant), "revoke", null, 200);
    Duration took = untilRefused(replica, key, Duration.ofSeconds(1));
    assertThat(took).isLessThan(Duration.ofSeconds(1));
  }

  @Test
  @DisplayName("a key revoked in the database behind the gateways' backs stays accepted from the cache: lookups are cached, and only a published revocation or the TTL ends them")
  void lookupsAreCached() throws Exception {
    JsonObject tenant = Await.result(gateway.tenant("Cached Motors"));
    String key = tenant.getString("apiKey");
    assertThat(statusWith(replica, key)).isEqualTo(200);
    Await.result(gateway.gatewayDb().preparedQuery("UPDATE gateway.api_key SET revoked_at = now() WHERE key_hash = $1")
        .execute(Tuple.of(ApiKeys.hash(key))));
    assertThat(statusWith(replica, key)).as("served from the replica's cache").isEqualTo(200);
    assertThat(statusWith(gateway, key)).as("never cached on this replica: read from the database").isEqualTo(401);
  }

  @Test
  @DisplayName("a grace period outside 0..86400 seconds is a 400 naming graceSeconds, and revokes nothing")
  void graceOutOfRange() throws Exception {
    JsonObject tenant = Await.result(gateway.tenant("Impatient Motors"));
    String keyId = firstKeyId(tenant);
    for (int grace : new int[] {-1, 86_401}) {
      HttpResponse<Buffer> response = send(gateway, HttpMethod.POST, keysOf(tenant) + "/" + keyId + "/rotate",
          ADMIN_KEY, new JsonObject().put("graceSeconds", grace));
      assertProblem(response, 400);
      assertThat(errorFields(response)).containsExactly("graceSeconds");
    }
    assertThat(statusWith(gateway, tenant.getString("apiKey"))).isEqualTo(200);
  }

  @Test
  @DisplayName("an unknown tenant, an unknown key, and one tenant's key named under another tenant are each a 404")
  void unknownTenantsAndKeys() throws Exception {
    JsonObject one = Await.result(gateway.tenant("First Owner"));
    JsonObject two = Await.result(gateway.tenant("Second Owner"));
    String unknownTenant = "/api/v1/tenants/" + UUID.randomUUID() + "/keys";
    assertProblem(send(gateway, HttpMethod.GET, unknownTenant, ADMIN_KEY, null), 404);
    assertProblem(send(gateway, HttpMethod.POST, unknownTenant, ADMIN_KEY, null), 404);
    assertProblem(send(gateway, HttpMethod.POST, keysOf(one) + "/" + UUID.randomUUID() + "/revoke", ADMIN_KEY, null),
        404);
    assertProblem(send(gateway, HttpMethod.POST, keysOf(two) + "/" + firstKeyId(one) + "/revoke", ADMIN_KEY, null),
        404);
    assertThat(statusWith(gateway, one.getString("apiKey"))).isEqualTo(200);
  }
}
