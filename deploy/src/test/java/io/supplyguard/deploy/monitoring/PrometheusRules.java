package io.supplyguard.deploy.monitoring;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The alert rules the manifests ship: the PrometheusRule's groups, as a Prometheus rule file. */
public final class PrometheusRules {
  static final Path PROMETHEUS_RULE = Path.of("k8s/base/monitoring.yaml");

  private PrometheusRules() {
  }

  /** The rule file (JSON, which Prometheus reads as YAML). */
  public static JsonObject ruleFile() throws Exception {
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

  /** Each rule's alert name and expression. */
  public static List<Map.Entry<String, String>> alerts(JsonObject ruleFile) {
    List<Map.Entry<String, String>> alerts = new ArrayList<>();
    ruleFile.getJsonArray("groups").forEach(g -> ((JsonObject) g).getJsonArray("rules", new JsonArray())
        .forEach(r -> alerts.add(Map.entry(((JsonObject) r).getString("alert"), ((JsonObject) r).getString("expr")))));
    return alerts;
  }

  static List<String> alertNames(JsonObject ruleFile) {
    return alerts(ruleFile).stream().map(Map.Entry::getKey).toList();
  }
}
