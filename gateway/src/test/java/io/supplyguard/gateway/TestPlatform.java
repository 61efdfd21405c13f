package io.supplyguard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.common.bootstrap.ServiceDefinition;
import io.supplyguard.common.bootstrap.ServiceHost;
import io.supplyguard.common.testing.TestPostgres;
import io.supplyguard.common.testing.TestServices;
import io.supplyguard.inventory.InventoryService;
import io.supplyguard.licence.LicenceService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The gateway in front of the real licence- and inventory-services, all in the test's Vert.x,
 * over real HTTP and a fresh PostgreSQL database; and the checks the gateway's tests share.
 */
final class TestPlatform {
  static final String ADMIN_KEY = "test-admin-" + System.nanoTime();
  static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-29T10:00:00Z"), ZoneOffset.UTC);

  private final WebClient http;
  private final WebClient newConnections;
  private final WebClient oneConnection;
  private final GatewayService gateway;
  private final Pool gatewayDb;
  private final Pool licenceDb;
  private final ServiceHost gatewayHost;
  private final int gatewayPort;
  private final JsonObject db;

  private TestPlatform(WebClient http, WebClient newConnections, WebClient oneConnection, GatewayService gateway,
      Pool gatewayDb, Pool licenceDb, ServiceHost gatewayHost, int gatewayPort, JsonObject db) {
    this.http = http;
    this.newConnections = newConnections;
    this.oneConnection = oneConnection;
    this.gateway = gateway;
    this.gatewayDb = gatewayDb;
    this.licenceDb = licenceDb;
    this.gatewayHost = gatewayHost;
    this.gatewayPort = gatewayPort;
    this.db = db;
  }

  /** The gateway, the licence-service and the inventory-service. */
  static Future<TestPlatform> start(Vertx vertx) {
    return start(vertx, new JsonObject());
  }

  /** The same, with the gateway's settings changed by {@code gatewayOverrides}. */
  static Future<TestPlatform> start(Vertx vertx, JsonObject gatewayOverrides) {
    List<ServiceDefinition> services = List.of(new LicenceService(), new InventoryService());
    JsonObject db = TestPostgres.newDatabase();
    return Future.all(services.stream().map(service -> TestServices.start(vertx, service, db, TODAY)).toList())
        .compose(v -> gateway(vertx, db, gatewayOverrides));
  }

  /**
   * Another gateway replica in front of the same services, database and event bus, as a
   * second pod would be: what one replica changes, the other must see.
   */
  Future<TestPlatform> anotherGateway(Vertx vertx, JsonObject gatewayOverrides) {
    return gateway(vertx, db, gatewayOverrides);
  }

  private static Future<TestPlatform> gateway(Vertx vertx, JsonObject db, JsonObject overrides) {
    GatewayService gateway = new GatewayService();
    JsonObject gatewaySettings = db.copy().put("GATEWAY_PORT", "0").put("GATEWAY_HOST", "127.0.0.1")
        .put("PLATFORM_ADMIN_KEY", ADMIN_KEY).mergeIn(overrides);
    return TestServices.start(vertx, gateway, gatewaySettings, TODAY)
        .map(host -> new TestPlatform(
            WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
                .setDefaultPort(gateway.httpPort())),
            // No keep-alive: every request opens a connection of its own, and the gateway hands
            // connections to its HTTP verticle instances in turn.
            WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
                .setDefaultPort(gateway.httpPort()).setKeepAlive(false), new PoolOptions().setHttp1MaxSize(256)),
            // One kept-alive connection, so one HTTP verticle instance, for every request.
            WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
                .setDefaultPort(gateway.httpPort()), new PoolOptions().setHttp1MaxSize(1)),
            gateway, TestPostgres.pool(vertx, db), TestPostgres.pool(vertx, db, "licence"), host,
            gateway.httpPort(), db));
  }

  /** The licence-service's schema, to hold a lock that makes it really slow. */
  Pool licenceDb() {
    return licenceDb;
  }

  /** The port of the gateway's API, for clients other than {@link #call}. */
  int gatewayPort() {
    return gatewayPort;
  }

  /** What the gateway's management port serves at /metrics. Blocks: call it from the test's thread. */
  String gatewayMetrics() throws Exception {
    return TestServices.scrape(gatewayHost);
  }

  /** The gateway's own database, to look at what it stored. */
  Pool gatewayDb() {
    return gatewayDb;
  }

  HttpRequest<Buffer> call(HttpMethod method, String uri, String key) {
    return withKey(http.request(method, uri), key);
  }

  /**
   * The same as {@link #call}, on a connection opened for this request alone: requests sent so
   * are spread over the gateway's HTTP verticle instances, one connection to each in turn.
   */
  HttpRequest<Buffer> callOnNewConnection(HttpMethod method, String uri, String key) {
    return withKey(newConnections.request(method, uri), key);
  }

  /** The same as {@link #call}, always on one connection: served by one HTTP verticle instance. */
  HttpRequest<Buffer> callOnOneConnection(HttpMethod method, String uri, String key) {
    return withKey(oneConnection.request(method, uri), key);
  }

  private static HttpRequest<Buffer> withKey(HttpRequest<Buffer> request, String key) {
    if (key != null) {
      request.putHeader("Authorization", "Bearer " + key);
    }
    return request;
  }

  /** How many HTTP verticle instances the gateway runs. */
  int gatewayInstances() {
    return gateway.instances();
  }

  /** Creates a tenant through the API and gives its key. */
  Future<String> tenantKey(String name) {
    return tenant(name).map(created -> created.getString("apiKey"));
  }

  /** Creates a tenant through the API: {@code {id, name, apiKey}}. */
  Future<JsonObject> tenant(String name) {
    return call(HttpMethod.POST, "/api/v1/tenants", ADMIN_KEY).sendJsonObject(new JsonObject().put("name", name))
        .map(created -> {
          assertThat(created.statusCode()).as("creating tenant %s", name).isEqualTo(201);
          return created.bodyAsJsonObject();
        });
  }

  /** A problem+json response with {@code status} that shows nothing internal. */
  static void assertProblem(HttpResponse<Buffer> response, int status) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
    JsonObject problem = response.bodyAsJsonObject();
    assertThat(problem.getInteger("status")).isEqualTo(status);
    assertThat(problem.getString("type")).startsWith("urn:supplyguard:problem:");
    assertThat(problem.getString("title")).isNotBlank();
    assertThat(problem.getString("detail")).isNotBlank();
    assertThat(response.bodyAsString()).doesNotContain("Exception", "\tat ", "io.vertx", "io.supplyguard");
    assertThat(response.getHeader("X-Request-Id")).isNotBlank();
  }

  /** The fields a 400 problem's {@code errors} name. */
  static List<String> errorFields(HttpResponse<Buffer> response) {
    JsonArray errors = response.bodyAsJsonObject().getJsonArray("errors", new JsonArray());
    return errors.stream().map(e -> ((JsonObject) e).getString("field")).toList();
  }
}
