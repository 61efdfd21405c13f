package io.supplyguard.deploy.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.common.testing.ExternalTool;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The alert rules the PrometheusRule ships, checked and unit-tested by promtool: each alert
 * fires when it must and stays quiet when it must not (monitoring/alerts-test.yaml).
 */
class AlertRulesTest {
  @Test
  @DisplayName("promtool checks the rules and passes their unit tests; every alert has one")
  void promtool() throws Exception {
    ExternalTool promtool = ExternalTool.require("promtool", "prometheus", "the alert rules' unit tests");
    Path dir = Files.createDirectories(Path.of("target/promtool"));
    JsonObject rules = PrometheusRules.ruleFile();
    Files.writeString(dir.resolve("rules.yml"), rules.encodePrettily());
    String tests = Files.readString(Path.of("monitoring/alerts-test.yaml"));
    Files.writeString(dir.resolve("alerts-test.yaml"), tests);

    ExternalTool.Result check = promtool.run(dir, 60, "check", "rules", "rules.yml");
    assertThat(check.exitCode()).as(check.output()).isZero();
    ExternalTool.Result test = promtool.run(dir, 120, "test", "rules", "alerts-test.yaml");
    assertThat(test.exitCode()).as(test.output()).isZero();
    assertThat(test.output()).contains("SUCCESS");

    assertThat(PrometheusRules.alertNames(rules)).hasSize(8).allSatisfy(alert -> assertThat(tests)
        .as("a promtool test of " + alert).contains("alertname: " + alert));
  }
}
