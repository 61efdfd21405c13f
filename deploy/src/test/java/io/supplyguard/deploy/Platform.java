package io.supplyguard.deploy;

import static org.awaitility.Awaitility.await;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The platform as bin/platform runs it, for end-to-end tests: a real PostgreSQL and each
 * service jar in its own JVM (as many replicas as asked), clustered on loopback on ports
 * chosen at run time. Instances are named {@code licence-service}, {@code licence-service-2}, ...
 */
final class Platform implements AutoCloseable {
  static final List<String> SERVICES = List.of("licence-service", "inventory-service", "gateway");
  /** docs/buffer-model.md's worked example, as the body of a position. */
  static final String WORKED_EXAMPLE = """
      {"onHand": 900, "onOrder": 0, "demandMeanPerDay": 10, "demandStdPerDay": 4, "leadTimeMeanDays": 30,
       "leadTimeStdDays": 5, "serviceLevel": 0.95, "reviewPeriodDays": 0, "orderQuantity": 300,
       "endUse": "CIVIL", "destination": "DE"}""";

  final String adminKey = "it-admin-" + System.nanoTime();
  private final Path root = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
  // HTTP/1.1: 200 concurrent requests must be 200 connections, not streams of one HTTP/2 connection.
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final Map<String, ServiceProcess> processes = new LinkedHashMap<>();
  private final Map<String, Integer> managementPorts = new HashMap<>();
  private final Path pgData;
  private final int pgPort;
  private EmbeddedPostgres postgres;
  private final int gatewayPort = FreePorts.next();
  /** The API port of each gateway instance: {@code gateway} listens on {@link #gatewayPort}. */
  private final Map<String, Integer> gatewayPorts = new HashMap<>();

  private Platform() throws IOException {
    pgData = Files.createTempDirectory("platform-it-pg");
    pgPort = FreePorts.next();
  }

  /** Starts PostgreSQL and {@code replicas.get(service)} instances of each service (1 when absent). */
  static Platform start(Map<String, Integer> replicas) throws Exception {
    return start(replicas, Map.of());
  }

  /** The same, with {@code settings} added to every instance's environment. */
  static Platform start(Map<String, Integer> replicas, Map<String, String> settings) throws Exception {
    Platform platform = new Platform();
    // Each test class's logs in a directory of its own: a later class must not overwrite them.
    Path logs = platform.root.resolve("deploy/target/it-logs").resolve(startingClass());
    platform.postgres = platform.startPostgres();
    List<String> instances = new ArrayList<>();
    for (String service : SERVICES) {
      for (int i = 1; i <= replicas.getOrDefault(service, 1); i++) {
        instances.add(i == 1 ? service : service + "-" + i);
      }
    }
    String clusterName = "it-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    Map<String, Integer> clusterPorts = new HashMap<>();
    instances.forEach(instance -> {
      clusterPorts.put(instance, FreePorts.next());
      platform.managementPorts.put(instance, FreePorts.next());
      if (module(instance).equals("gateway")) {
        platform.gatewayPorts.put(instance, instance.equals("gateway") ? platform.gatewayPort : FreePorts.next());
      }
    });
    String members = String.join(",", clusterPorts.values().stream().map(p -> "127.0.0.1:" + p).toList());
    for (String instance : instances) {
      Map<String, String> env = new HashMap<>();
      env.put("PGHOST", "127.0.0.1");
      env.put("PGPORT", String.valueOf(platform.pgPort));
      env.put("PGDATABASE", "postgres");
      env.put("PGUSER", "postgres");
      env.put("CLUSTER_NAME", clusterName);
      env.put("CLUSTER_PORT", String.valueOf(clusterPorts.get(instance)));
      env.put("CLUSTER_PORT_COUNT", "1");
      env.put("CLUSTER_MEMBERS", members);
      env.put("MANAGEMENT_HOST", "127.0.0.1");
      env.put("MANAGEMENT_PORT", String.valueOf(platform.managementPorts.get(instance)));
      env.put("GATEWAY_HOST", "127.0.0.1");
      env.put("GATEWAY_PORT", String.valueOf(platform.gatewayPorts.getOrDefault(instance, platform.gatewayPort)));
      env.put("PLATFORM_ADMIN_KEY", platform.adminKey);
      env.put("PG_CONNECT_RETRY_MS", "30000");
      env.put("SHUTDOWN_GRACE_MS", "5000");
      env.putAll(settings);
      platform.processes.put(instance, ServiceProcess.start(platform.root, module(instance), instance, env, logs));
    }
    await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(500)).until(() -> {
      for (ServiceProcess process : platform.processes.values()) {
        if (!process.isAlive()) {
          throw new AssertionError(process.name() + " exited during start:\n" + process.log());
        }
      }
      return instances.stream().allMatch(s -> platform.status(s, "/health/ready") == 200);
    });
    return platform;
  }

  /** The simple name of the class that called {@code start}. */
  private static String startingClass() {
    return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
        .walk(frames -> frames.map(StackWalker.StackFrame::getDeclaringClass)
            .filter(type -> type != Platform.class).findFirst().orElseThrow().getSimpleName());
  }

  private static String module(String instance) {
    return SERVICES.stream().filter(instance::startsWith).findFirst().orElseThrow();
  }

  int managementPort(String instance) {
    return managementPorts.get(instance);
  }

  ServiceProcess process(String instance) {
    return processes.get(instance);
  }

  /** Starts a stopped instance again, as before, and waits until it is ready. */
  void restart(String instance) throws Exception {
    restart(instance, Map.of());
  }

  /** The same, with settings changed (a null value removes one). */
  void restart(String instance, Map<String, String> changes) throws Exception {
    ServiceProcess restarted = processes.get(instance).restarted(changes);
    processes.put(instance, restarted);
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
      if (!restarted.isAlive()) {
        throw new AssertionError(instance + " exited during restart:\n" + restarted.log());
      }
      return status(instance, "/health/ready") == 200;
    });
  }

  void stopPostgres() throws IOException {
    postgres.close();
  }

  /** A connection to the platform's database (every schema), to look at what was stored. */
  java.sql.Connection database() throws java.sql.SQLException {
    return postgres.getPostgresDatabase().getConnection();
  }

  void startPostgresAgain() throws IOException {
    postgres = startPostgres();
  }

  private EmbeddedPostgres startPostgres() throws IOException {
    return EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(false).setPort(pgPort).start();
  }

  /** A new tenant, made by the admin; answers its API key. */
  String tenantKey(String name) throws Exception {
    return new JsonObject(api("POST", "/api/v1/tenants", adminKey, new JsonObject().put("name", name).encode()).body())
        .getString("apiKey");
  }

  HttpResponse<String> api(String method, String path, String key, String json) throws Exception {
    return api(method, path, key, json, Map.of());
  }

  HttpResponse<String> api(String method, String path, String key, String json, Map<String, String> headers)
      throws Exception {
    return api("gateway", method, path, key, json, headers);
  }

  /** A call to the API of one gateway instance ({@code gateway}, {@code gateway-2}, ...). */
  HttpResponse<String> api(String gateway, String method, String path, String key, String json,
      Map<String, String> headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gatewayPorts.get(gateway) + path))
        .timeout(Duration.ofSeconds(30))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A management call; null when the instance does not answer. */
  HttpResponse<String> management(String instance, String path) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPorts.get(instance) + path))
          .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  int status(String instance, String path) {
    HttpResponse<String> response = management(instance, path);
    return response == null ? -1 : response.statusCode();
  }

  HttpClient http() {
    return http;
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + gatewayPort + path);
  }

  @Override
  public void close() throws Exception {
    for (ServiceProcess process : processes.values()) {
      process.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }
}
