package io.supplyguard.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * The platform as it runs for real: the three service jars in three JVMs, clustered over
 * Hazelcast on loopback, a real PostgreSQL, driven over HTTP through the gateway.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformIT {
  private static final String ADMIN_KEY = "it-admin-" + System.nanoTime();
  private static final List<String> SERVICES = List.of("licence-service", "inventory-service", "gateway");

  private final Path root = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Map<String, ServiceProcess> processes = new LinkedHashMap<>();
  private final Map<String, Integer> managementPorts = new HashMap<>();
  private Path pgData;
  private int pgPort;
  private EmbeddedPostgres postgres;
  private int gatewayPort;

  @BeforeAll
  void startPlatform() throws Exception {
    pgData = Files.createTempDirectory("platform-it-pg");
    pgPort = FreePorts.next();
    postgres = startPostgres();
    gatewayPort = FreePorts.next();
    String clusterName = "it-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    Map<String, Integer> clusterPorts = new HashMap<>();
    SERVICES.forEach(s -> {
      clusterPorts.put(s, FreePorts.next());
      managementPorts.put(s, FreePorts.next());
    });
    String members = String.join(",", clusterPorts.values().stream().map(p -> "127.0.0.1:" + p).toList());
    Path logs = root.resolve("deploy/target/it-logs");
    for (String service : SERVICES) {
      Map<String, String> env = new HashMap<>();
      env.put("PGHOST", "127.0.0.1");
      env.put("PGPORT", String.valueOf(pgPort));
      env.put("PGDATABASE", "postgres");
      env.put("PGUSER", "postgres");
      env.put("CLUSTER_NAME", clusterName);
      env.put("CLUSTER_PORT", String.valueOf(clusterPorts.get(service)));
      env.put("CLUSTER_PORT_COUNT", "1");
      env.put("CLUSTER_MEMBERS", members);
      env.put("MANAGEMENT_HOST", "127.0.0.1");
      env.put("MANAGEMENT_PORT", String.valueOf(managementPorts.get(service)));
      env.put("GATEWAY_HOST", "127.0.0.1");
      env.put("GATEWAY_PORT", String.valueOf(gatewayPort));
      env.put("PLATFORM_ADMIN_KEY", ADMIN_KEY);
      env.put("PG_CONNECT_RETRY_MS", "30000");
      env.put("SHUTDOWN_GRACE_MS", "5000");
      processes.put(service, ServiceProcess.start(root, service, env, logs));
    }
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
      for (ServiceProcess process : processes.values()) {
        if (!process.isAlive()) {
          throw new AssertionError(process.name() + " exited during start:\n" + process.log());
        }
      }
      return SERVICES.stream().allMatch(s -> status(management(s, "/health/ready")) == 200);
    });
  }

  @AfterAll
  void stopPlatform() throws Exception {
    for (ServiceProcess process : processes.values()) {
      process.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Order(1)
  @DisplayName("the regime endpoint answers the table of REGIME.md through gateway, bus and licence-service")
  @ParameterizedTest(name = "{0} on {1} is {2} {3}")
  @CsvFileSource(resources = "/regime/expected-states.csv")
  void regimeTable(String symbol, String asOf, String state, String suspendedUntil) throws Exception {
    HttpResponse<String> response = api("GET", "/api/v1/regime/elements?asOf=" + asOf, ADMIN_KEY, null);
    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject element = element(new JsonObject(response.body()), symbol);
    assertThat(element.getString("state")).isEqualTo(state);
    assertThat(element.getString("suspendedUntil")).isEqualTo(suspendedUntil);
  }

  @Test
  @Order(2)
  @DisplayName("without a key the API answers 401 problem+json; a bad asOf is a 400 naming it")
  void errors() throws Exception {
    HttpResponse<String> anonymous = api("GET", "/api/v1/regime/elements", null, null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    HttpResponse<String> badDate = api("GET", "/api/v1/regime/elements?asOf=2025-02-30", ADMIN_KEY, null);
    assertThat(badDate.statusCode()).isEqualTo(400);
    assertThat(new JsonObject(badDate.body()).getJsonArray("errors").getJsonObject(0).getString("field"))
        .isEqualTo("asOf");
  }

  @Test
  @Order(3)
  @DisplayName("an admin creates a tenant whose key then reads the regime and the catalogue")
  void tenant() throws Exception {
    HttpResponse<String> created = api("POST", "/api/v1/tenants", ADMIN_KEY, "{\"name\":\"IT Motors\"}");
    assertThat(created.statusCode()).isEqualTo(201);
    String key = new JsonObject(created.body()).getString("apiKey");
    assertThat(api("GET", "/api/v1/regime/elements", key, null).statusCode()).isEqualTo(200);
    HttpResponse<String> materials = api("GET", "/api/v1/materials", key, null);
    assertThat(materials.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(materials.body()).getJsonArray("materials").size()).isGreaterThanOrEqualTo(7);
  }

  @Test
  @Order(4)
  @DisplayName("each service serves Prometheus metrics tagged with its name, and liveness")
  void management() throws Exception {
    for (String service : SERVICES) {
      HttpResponse<String> metrics = management(service, "/metrics");
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.body()).contains("service=\"" + service + "\"").contains("jvm_memory_used_bytes");
      assertThat(status(management(service, "/health/live"))).isEqualTo(200);
    }
    assertThat(management("gateway", "/metrics").body())
        .contains("vertx_http_server_requests_total{code=\"200\"")
        .contains("route=\"/api/v1/regime/elements\"");
    assertThat(management("licence-service", "/metrics").body())
        .contains("vertx_eventbus_processed_total{address=\"licence.regime.elements\"")
        .contains("vertx_pool_in_use{pool_name=\"licence\",pool_type=\"sql\"");
    assertThat(management("inventory-service", "/metrics").body())
        .contains("vertx_pool_in_use{pool_name=\"inventory\",pool_type=\"sql\"");
  }

  @Test
  @Order(5)
  @DisplayName("while PostgreSQL is down readiness is false and callers get 503 with Retry-After; both recover")
  void databaseOutage() throws Exception {
    postgres.close();
    await().atMost(Duration.ofSeconds(30)).until(() -> status(management("licence-service", "/health/ready")) == 503);
    HttpResponse<String> during = api("GET", "/api/v1/regime/elements", ADMIN_KEY, null);
    assertThat(during.statusCode()).isEqualTo(503);
    assertThat(during.headers().firstValue("Retry-After")).isPresent();
    assertThat(during.body()).doesNotContain("Exception", "Connection refused");

    postgres = startPostgres();
    await().atMost(Duration.ofSeconds(60)).until(() -> SERVICES.stream()
        .allMatch(s -> status(management(s, "/health/ready")) == 200));
    assertThat(api("GET", "/api/v1/regime/elements", ADMIN_KEY, null).statusCode()).isEqualTo(200);
  }

  @Test
  @Order(6)
  @DisplayName("SIGTERM stops a service cleanly, and the gateway then answers its routes with a fast 503")
  void gracefulStop() throws Exception {
    ServiceProcess licence = processes.get("licence-service");
    int exit = licence.terminate(30);
    assertThat(exit).as("exit code after SIGTERM").isEqualTo(143);
    assertThat(licence.log()).contains("licence-service stopping").contains("licence-service stopped");
    await().atMost(Duration.ofSeconds(10)).until(() ->
        api("GET", "/api/v1/regime/elements", ADMIN_KEY, null).statusCode() == 503);
    long start = System.nanoTime();
    HttpResponse<String> unavailable = api("GET", "/api/v1/regime/elements", ADMIN_KEY, null);
    assertThat(unavailable.statusCode()).isEqualTo(503);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    assertThat(api("GET", "/api/v1/materials", ADMIN_KEY, null).statusCode()).isEqualTo(200);
  }

  private EmbeddedPostgres startPostgres() throws IOException {
    return EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(false).setPort(pgPort).start();
  }

  private HttpResponse<String> api(String method, String path, String key, String json) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gatewayPort + path))
        .timeout(Duration.ofSeconds(10))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> management(String service, String path) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPorts.get(service) + path))
          .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static int status(HttpResponse<String> response) {
    return response == null ? -1 : response.statusCode();
  }

  private static JsonObject element(JsonObject reply, String symbol) {
    JsonArray elements = reply.getJsonArray("elements");
    return elements.stream().map(JsonObject.class::cast).filter(e -> symbol.equals(e.getString("symbol")))
        .findFirst().orElseThrow();
  }
}
