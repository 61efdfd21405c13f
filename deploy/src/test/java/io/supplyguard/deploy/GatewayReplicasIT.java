package io.supplyguard.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two gateway replicas in their own JVMs on the clustered event bus, each caching API keys for
 * ten minutes: a key revoked through one is refused by the other as soon as the revocation
 * crosses the bus, not when its cache entry ages out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayReplicasIT {
  private static final Logger LOG = LoggerFactory.getLogger(GatewayReplicasIT.class);
  private static final String SITES = "/api/v1/sites";

  private Platform platform;

  @BeforeAll
  void start() throws Exception {
    platform = Platform.start(Map.of("gateway", 2), Map.of("GATEWAY_KEY_CACHE_TTL_MS", "600000"));
  }

  @AfterAll
  void stop() throws Exception {
    platform.close();
  }

  private int status(String gateway, String key) throws Exception {
    return platform.api(gateway, "GET", SITES, key, null, Map.of()).statusCode();
  }

  @Test
  @DisplayName("a key revoked on one replica is refused by the other, which had it cached, within two seconds")
  void revocationCrossesTheCluster() throws Exception {
    HttpResponse<String> created = platform.api("POST", "/api/v1/tenants", platform.adminKey,
        "{\"name\":\"Replicated Magnets\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonObject tenant = new JsonObject(created.body());
    String key = tenant.getString("apiKey");
    String keys = "/api/v1/tenants/" + tenant.getString("id") + "/keys";
    assertThat(status("gateway-2", key)).as("the other replica, which now caches the key").isEqualTo(200);

    String keyId = new JsonObject(platform.api("GET", keys, platform.adminKey, null).body())
        .getJsonArray("keys").getJsonObject(0).getString("id");
    HttpResponse<String> revoked = platform.api("POST", keys + "/" + keyId + "/revoke", platform.adminKey, null);
    assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
    Instant at = Instant.now();
    assertThat(status("gateway", key)).as("the replica that revoked it").isEqualTo(401);
    await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20)).until(() -> status("gateway-2", key) == 401);
    LOG.info("The other replica refused the revoked key {} ms after the revocation was answered",
        Duration.between(at, Instant.now()).toMillis());
  }

  @Test
  @DisplayName("a key issued through one replica works at once on the other")
  void issuedKeyWorksEverywhere() throws Exception {
    HttpResponse<String> created = platform.api("gateway-2", "POST", "/api/v1/tenants", platform.adminKey,
        "{\"name\":\"Fresh Magnets\"}", Map.of());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonObject tenant = new JsonObject(created.body());
    String keys = "/api/v1/tenants/" + tenant.getString("id") + "/keys";
    HttpResponse<String> issued = platform.api("gateway-2", "POST", keys, platform.adminKey, null, Map.of());
    assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
    assertThat(status("gateway", new JsonObject(issued.body()).getString("apiKey"))).isEqualTo(200);
  }
}
