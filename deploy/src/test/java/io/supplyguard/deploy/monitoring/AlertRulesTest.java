package io.supplyguard.deploy.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.common.testing.ExternalTool;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The alert rules the PrometheusRule ships, checked and unit-tested by promtool: each alert
 * fires when it must and stays quiet when it must not (monitoring/alerts-test.yaml).
 */
class AlertRulesTest {
  static final Path PROMETHEUS_RULE = Path.of("k8s/base/monitoring.yaml");

  /** The PrometheusRule's groups, as a Prometheus rule file (JSON is YAML). */
  static JsonObject ruleFile() throws Exception {
    for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(
        Files.readString(PROMETHEUS_RULE))) {
      @SuppressWarnings("unchecked")
      JsonObject object = new JsonObject((Map<String, Object>) document);
      if ("PrometheusRule".equals(object.getString("kind"))) {
        return new JsonObject().put("groups", object.getJsonObject("spec").getJsonArray("groups"));
      }
    }
    throw new AssertionError("no PrometheusRule in " + PROMETHEUS_RULE);
  }

  static Set<String> alertNames(JsonObject ruleFile) {
    Set<String> names = new TreeSet<>();
    ruleFile.getJsonArray("groups").forEach(g -> ((JsonObject) g).getJsonArray("rules", new JsonArray())
        .forEach(r -> names.add(((JsonObject) r).getString("alert"))));
    return names;
  }

  @Test
  @DisplayName("promtool checks the rules and passes their unit tests; every alert has one")
  void promtool() throws Exception {
    ExternalTool promtool = ExternalTool.require("promtool", "the alert rules' unit tests");
    Path dir = Files.createDirectories(Path.of("target/promtool"));
    JsonObject rules = ruleFile();
    Files.writeString(dir.resolve("rules.yml"), rules.encodePrettily());
    String tests = Files.readString(Path.of("monitoring/alerts-test.yaml"));
    Files.writeString(dir.resolve("alerts-test.yaml"), tests);

    ExternalTool.Result check = promtool.run(dir, 60, "check", "rules", "rules.yml");
    assertThat(check.exitCode()).as(check.output()).isZero();
    ExternalTool.Result test = promtool.run(dir, 120, "test", "rules", "alerts-test.yaml");
    assertThat(test.exitCode()).as(test.output()).isZero();
    assertThat(test.output()).contains("SUCCESS");

    assertThat(alertNames(rules)).hasSize(7).allSatisfy(alert -> assertThat(tests)
        .as("a promtool test of " + alert).contains("alertname: " + alert));
  }
}
