package io.supplyguard.deploy.k8s;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.supplyguard.common.testing.ExternalTool;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * An overlay as {@code kubectl kustomize} renders it, every object parsed into the typed
 * Kubernetes model (fabric8): strictly, so that a misspelled or unknown field, or a value of the
 * wrong type, fails instead of being dropped.
 */
final class RenderedOverlay {
  private static final JsonMapper MAPPER = JsonMapper.builder()
      .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
      .build();
  private static final Map<String, Class<? extends HasMetadata>> MODELS = Map.ofEntries(
      Map.entry("v1/Namespace", io.fabric8.kubernetes.api.model.Namespace.class),
      Map.entry("v1/ConfigMap", io.fabric8.kubernetes.api.model.ConfigMap.class),
      Map.entry("v1/Service", io.fabric8.kubernetes.api.model.Service.class),
      Map.entry("apps/v1/Deployment", io.fabric8.kubernetes.api.model.apps.Deployment.class),
      Map.entry("apps/v1/StatefulSet", io.fabric8.kubernetes.api.model.apps.StatefulSet.class),
      Map.entry("autoscaling/v2/HorizontalPodAutoscaler",
          io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class),
      Map.entry("policy/v1/PodDisruptionBudget", io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class),
      Map.entry("networking.k8s.io/v1/NetworkPolicy",
          io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class),
      Map.entry("monitoring.coreos.com/v1/ServiceMonitor",
          io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor.class),
      Map.entry("monitoring.coreos.com/v1/PrometheusRule",
          io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule.class));

  final String name;
  final List<HasMetadata> objects;

  private RenderedOverlay(String name, List<HasMetadata> objects) {
    this.name = name;
    this.objects = objects;
  }

  /** Renders {@code k8s/overlays/<name>} with kubectl and parses every object strictly. */
  static RenderedOverlay render(String name) throws Exception {
    ExternalTool kubectl = ExternalTool.require("kubectl", "the Kubernetes manifest checks");
    ExternalTool.Result rendered = kubectl.run(Path.of("."), 120, "kustomize", "k8s/overlays/" + name);
    if (rendered.exitCode() != 0) {
      throw new AssertionError("kubectl kustomize k8s/overlays/" + name + " failed:\n" + rendered.output());
    }
    List<HasMetadata> objects = new ArrayList<>();
    for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(rendered.output())) {
      if (document != null) {
        @SuppressWarnings("unchecked")
        JsonObject json = new JsonObject((Map<String, Object>) document);
        objects.add(parse(json));
      }
    }
    return new RenderedOverlay(name, objects);
  }

  private static HasMetadata parse(JsonObject json) throws Exception {
    String type = json.getString("apiVersion") + "/" + json.getString("kind");
    Class<? extends HasMetadata> model = MODELS.get(type);
    if (model == null) {
      throw new AssertionError("no model to check " + type + " against: add it to RenderedOverlay.MODELS");
    }
    HasMetadata object = MAPPER.readValue(json.encode(), model);
    List<String> unknown = StrictModel.unknownFields(object);
    if (!unknown.isEmpty()) {
      throw new AssertionError(type + " " + object.getMetadata().getName() + " has fields the Kubernetes API "
          + "does not know: " + unknown);
    }
    return object;
  }

  <T extends HasMetadata> List<T> all(Class<T> kind) {
    return objects.stream().filter(kind::isInstance).map(kind::cast).toList();
  }
}
