package io.supplyguard.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.supplyguard.common.testing.ExternalTool;
import io.supplyguard.deploy.monitoring.PrometheusRules;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The dashboards and alert rules against a real Prometheus: the platform (three JVMs) runs,
 * Prometheus scrapes the three management ports, and every dashboard panel's query and every
 * alert's expression is evaluated through Prometheus's HTTP API. Each must parse; each panel's
 * query must return data on a fresh platform, before any alert is raised or the regime changes
 * (the counters of those events are there at zero from start), and again once the platform has
 * been driven through every route family.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonitoringIT {
  private static final Path DASHBOARDS = Path.of("k8s/base/dashboards");
  private Platform platform;
  private Process prometheus;
  private int prometheusPort;

  @BeforeAll
  void start() throws Exception {
    ExternalTool server = ExternalTool.require("prometheus", "prometheus", "the dashboards' and alerts' check against Prometheus");
    platform = Platform.start(Map.of(), Map.of("METRICS_REFRESH_MS", "1000", "OUTBOX_FLUSH_MS", "200"));
    Path dir = Files.createDirectories(Path.of("target/prometheus-it"));
    Files.writeString(dir.resolve("rules.yml"), PrometheusRules.ruleFile().encodePrettily());
    StringBuilder config = new StringBuilder("""
        global: {scrape_interval: 1s, evaluation_interval: 1s}
        rule_files: [rules.yml]
        scrape_configs:
        """);
    for (String service : Platform.SERVICES) {
      config.append("  - job_name: ").append(service).append("\n    honor_labels: true\n")
          .append("    static_configs: [{targets: ['127.0.0.1:").append(platform.managementPort(service))
          .append("']}]\n");
    }
    Files.writeString(dir.resolve("prometheus.yml"), config);
    prometheusPort = FreePorts.next();
    prometheus = server.start(dir, dir.resolve("prometheus.log"), "--config.file=prometheus.yml",
        "--storage.tsdb.path=data", "--web.listen-address=127.0.0.1:" + prometheusPort);
  }

  @AfterAll
  void stop() throws Exception {
    if (prometheus != null) {
      prometheus.destroy();
    }
    if (platform != null) {
      platform.close();
    }
  }

  @Test
  @DisplayName("every panel query of both dashboards returns data, on a fresh platform and after traffic, and every alert expression parses")
  void dashboardsAndAlerts() throws Exception {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
      JsonArray targets = api("/api/v1/targets").getJsonObject("data").getJsonArray("activeTargets");
      return targets.size() == 3 && targets.stream().allMatch(t -> "up".equals(((JsonObject) t).getString("health")));
    });
    Map<String, String> panels = panelQueries();
    assertThat(panels).hasSizeGreaterThanOrEqualTo(20);

    // Fresh: a tenant with a licence and a drawdown (the gauges per licence describe licences
    // that exist), but no position, so no alert can be raised, and no regime change.
    String key = tenantWithLicence();
    assertEveryPanelReturnsData(panels, "on a fresh platform, before any alert or regime change");
    assertThat(value("sum(supplyguard_alerts_total)")).as("alerts raised so far").isZero();
    assertThat(value("sum(supplyguard_regime_changes_total)")).as("regime changes so far").isZero();

    driveEveryRouteFamily(key);
    // The first alerts and the first regime change rise from a zero already scraped, so that
    // increase() sees them: the panels show them and SupplyGuardRegimeChanged fires.
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
      assertThat(value("sum(increase(supplyguard_alerts_total[5m]))")).as("alerts raised").isPositive();
      assertThat(value("sum(increase(supplyguard_regime_changes_total{change=\"SUSPENSION_ADDED\"}[5m]))"))
          .as("regime changes").isPositive();
    });
    assertEveryPanelReturnsData(panels, "after traffic through every route family");

    List<Map.Entry<String, String>> alerts = PrometheusRules.alerts(PrometheusRules.ruleFile());
    assertThat(alerts).hasSize(8);
    for (Map.Entry<String, String> alert : alerts) {
      JsonObject answer = query(alert.getValue());
      assertThat(answer.getString("status")).as(alert.getKey() + ": " + answer.encode()).isEqualTo("success");
    }
    JsonArray groups = api("/api/v1/rules").getJsonObject("data").getJsonArray("groups");
    assertThat(groups.stream().mapToInt(g -> ((JsonObject) g).getJsonArray("rules").size()).sum()).isEqualTo(8);
    assertThat(groups.stream().flatMap(g -> ((JsonObject) g).getJsonArray("rules").stream())
        .map(r -> ((JsonObject) r).getString("health"))).allMatch(h -> h.equals("ok"));
  }

  private void assertEveryPanelReturnsData(Map<String, String> panels, String when) {
    Map<String, String> empty = new LinkedHashMap<>();
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
      empty.clear();
      for (Map.Entry<String, String> panel : panels.entrySet()) {
        JsonObject answer = query(panel.getValue());
        assertThat(answer.getString("status")).as(panel.getKey() + ": " + answer.encode()).isEqualTo("success");
        if (answer.getJsonObject("data").getJsonArray("result").isEmpty()) {
          empty.put(panel.getKey(), panel.getValue());
        }
      }
      assertThat(empty).as("panels whose query returned no data " + when).isEmpty();
    });
  }

  /** The value of a query that answers one sample. */
  private double value(String promql) throws Exception {
    JsonArray result = query(promql).getJsonObject("data").getJsonArray("result");
    assertThat(result).as(promql).hasSize(1);
    return Double.parseDouble(result.getJsonObject(0).getJsonArray("value").getString(1));
  }

  /** Every panel's queries, the dashboard variables replaced as Grafana would. */
  private static Map<String, String> panelQueries() throws Exception {
    Map<String, String> queries = new LinkedHashMap<>();
    try (var files = Files.list(DASHBOARDS)) {
      for (Path file : files.sorted().toList()) {
        JsonObject dashboard = new JsonObject(Files.readString(file));
        assertThat(dashboard.getJsonObject("templating").getJsonArray("list").getJsonObject(0).getString("type"))
            .as(file + " has a datasource variable first").isEqualTo("datasource");
        for (Object p : dashboard.getJsonArray("panels")) {
          JsonObject panel = (JsonObject) p;
          for (Object t : panel.getJsonArray("targets")) {
            JsonObject target = (JsonObject) t;
            queries.put(file.getFileName() + " / " + panel.getString("title") + " / " + target.getString("refId"),
                target.getString("expr").replace("$__rate_interval", "30s").replace("$service", ".*"));
          }
        }
      }
    }
    return queries;
  }

  /** A tenant, a licence of it and a drawdown; the tenant's API key. */
  private String tenantWithLicence() throws Exception {
    JsonObject tenant = new JsonObject(platform.api("POST", "/api/v1/tenants", platform.adminKey,
        "{\"name\":\"Monitoring Motors\"}").body());
    String key = tenant.getString("apiKey");
    LocalDate today = LocalDate.now();
    JsonObject licence = new JsonObject(platform.api("POST", "/api/v1/licences", key, """
        {"type": "GENERAL", "exporter": "Baotou", "elements": ["Dy"], "forms": ["OXIDE"], "quantityKg": 100,
         "validFrom": "%s", "validTo": "%s", "destination": "DE", "endUse": "CIVIL"}"""
        .formatted(today.minusDays(10), today.plusDays(20))).body());
    assertThat(platform.api("POST", "/api/v1/licences/" + licence.getString("id") + "/drawdowns", key,
        "{\"quantityKg\": 95, \"shipmentRef\": \"MON-1\"}").statusCode()).isEqualTo(201);
    return key;
  }

  /** Traffic through every other route family, positions raising alerts and a regime change among it. */
  private void driveEveryRouteFamily(String key) throws Exception {
    String admin = platform.adminKey;
    LocalDate today = LocalDate.now();
    for (String path : List.of("/api/v1/regime/elements", "/api/v1/regime/measures", "/api/v1/materials",
        "/api/v1/regime/history", "/api/v1/no-such-route", "/api/v1/regime/elements?asOf=2025-02-30")) {
      platform.api("GET", path, path.contains("history") ? admin : key, null);
    }
    platform.api("GET", "/api/v1/licence-check?material=dy-oxide&destination=DE&endUse=CIVIL", key, null);
    platform.api("POST", "/api/v1/sites", key, "{\"id\": \"plant-1\", \"name\": \"Plant\", \"country\": \"DE\"}");
    for (String material : List.of("tb-metal", "y-oxide")) {
      platform.api("PUT", "/api/v1/sites/plant-1/positions/" + material, key, """
          {"onHand": %d, "onOrder": 0, "demandMeanPerDay": 10, "demandStdPerDay": 4, "leadTimeMeanDays": 30,
           "leadTimeStdDays": 5, "serviceLevel": 0.95, "reviewPeriodDays": 0, "orderQuantity": 300,
           "endUse": "CIVIL", "destination": "DE"}""".formatted(material.equals("tb-metal") ? 0 : 5000));
    }
    platform.api("GET", "/api/v1/recommendations", key, null);
    platform.api("GET", "/api/v1/alerts", key, null);
    platform.api("POST", "/api/v1/scenarios", key, """
        {"changes": [{"type": "SUSPENSION_EXTENDED", "reference": "MOFCOM-GAC-2025-70", "until": "2027-11-10"}]}""");
    // A regime change: published, recomputed by the inventory-service, alerts raised.
    HttpResponse<String> suspended = platform.api("POST", "/api/v1/regime/measures/MOFCOM-GAC-2025-18/suspensions",
        admin, "{\"from\": \"%s\", \"until\": \"%s\", \"reference\": \"MONITORING\"}"
            .formatted(today, today.plusDays(30)));
    assertThat(suspended.statusCode()).as(suspended.body()).isEqualTo(201);
  }

  private JsonObject query(String promql) throws Exception {
    return api("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
  }

  private JsonObject api(String path) throws Exception {
    HttpResponse<String> response = platform.http().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + prometheusPort + path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
    return new JsonObject(response.body());
  }
}
