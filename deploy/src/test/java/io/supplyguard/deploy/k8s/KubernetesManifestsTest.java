package io.supplyguard.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.supplyguard.common.testing.ExternalTool;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every overlay renders, every object it renders is valid against the Kubernetes API's schemas
 * (strict parse), and every workload keeps the platform's policies.
 */
class KubernetesManifestsTest {

  /** A workload's pod template, whichever kind holds it. */
  private record Workload(String name, Map<String, String> selector, PodTemplateSpec template, Integer replicas) {
  }

  private static List<Workload> workloads(RenderedOverlay overlay) {
    List<Workload> workloads = new ArrayList<>();
    overlay.all(Deployment.class).forEach(d -> workloads.add(new Workload(d.getMetadata().getName(),
        d.getSpec().getSelector().getMatchLabels(), d.getSpec().getTemplate(), d.getSpec().getReplicas())));
    overlay.all(StatefulSet.class).forEach(s -> workloads.add(new Workload(s.getMetadata().getName(),
        s.getSpec().getSelector().getMatchLabels(), s.getSpec().getTemplate(), s.getSpec().getReplicas())));
    return workloads;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"dev", "prod"})
  @DisplayName("renders and parses strictly: the three services, the cluster's headless Service, monitoring, policies")
  void renders(String name) throws Exception {
    RenderedOverlay overlay = RenderedOverlay.render(name);
    assertThat(overlay.all(Deployment.class)).extracting(d -> d.getMetadata().getName())
        .containsExactlyInAnyOrder("gateway", "licence-service", "inventory-service");
    Service cluster = overlay.all(Service.class).stream()
        .filter(s -> s.getMetadata().getName().equals("supplyguard-cluster")).findFirst().orElseThrow();
    assertThat(cluster.getSpec().getClusterIP()).isEqualTo("None");
    assertThat(cluster.getSpec().getPorts()).extracting(p -> p.getPort()).containsExactlyInAnyOrder(5801, 5901);
    assertThat(overlay.objects).extracting(HasMetadata::getKind)
        .contains("ServiceMonitor", "PrometheusRule", "PodDisruptionBudget", "HorizontalPodAutoscaler")
        // Secret values never live in the repository: the overlays only reference Secrets.
        .doesNotContain("Secret");
    assertThat(overlay.all(NetworkPolicy.class)).anySatisfy(policy -> {
      assertThat(policy.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
      assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
      assertThat(policy.getSpec().getIngress()).isNullOrEmpty();
      assertThat(policy.getSpec().getEgress()).isNullOrEmpty();
    });
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"dev", "prod"})
  @DisplayName("every object holds the fields its JSON schema requires, with valid types and values (kubernetes-models)")
  void requiredFields(String name) throws Exception {
    RenderedOverlay overlay = RenderedOverlay.render(name);
    ExternalTool npm = ExternalTool.require("npm", "npm", "the schema check of the manifests (kubernetes-models)");
    Path checker = Path.of("k8s-schema");
    ExternalTool.Result installed = npm.run(checker, 300, "ci", "--no-audit", "--no-fund");
    assertThat(installed.exitCode()).as(installed.output()).isZero();
    Path rendered = Files.createDirectories(Path.of("target/k8s")).resolve(name + ".yaml");
    Files.writeString(rendered, overlay.yaml);
    ExternalTool.Result checked = ExternalTool.require("node", "nodejs", "the schema check of the manifests")
        .run(checker, 120, "validate.mjs", rendered.toAbsolutePath().toString());
    assertThat(checked.exitCode()).as(checked.output()).isZero();
    assertThat(checked.output()).contains(overlay.objects.size() + " objects valid, 0 invalid");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"dev", "prod"})
  @DisplayName("every workload: probes, resources, restricted security context, pinned image, consistent labels")
  void workloadPolicies(String name) throws Exception {
    RenderedOverlay overlay = RenderedOverlay.render(name);
    assertThat(workloads(overlay)).isNotEmpty().allSatisfy(workload -> {
      Map<String, String> labels = workload.template().getMetadata().getLabels();
      assertThat(labels).as(workload.name() + " pod labels").containsAllEntriesOf(workload.selector())
          .containsEntry("app.kubernetes.io/part-of", "supplyguard");
      PodSpec pod = workload.template().getSpec();
      assertThat(pod.getAutomountServiceAccountToken()).as(workload.name() + " token").isFalse();
      assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(workload.name() + " runAsNonRoot").isTrue();
      assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
      for (Container c : pod.getContainers()) {
        String what = workload.name() + "/" + c.getName();
        assertThat(c.getImage()).as(what + " image").matches(".+:[\\w][\\w.-]*").doesNotEndWith(":latest");
        assertThat(c.getStartupProbe()).as(what + " startupProbe").isNotNull();
        assertThat(c.getLivenessProbe()).as(what + " livenessProbe").isNotNull();
        assertThat(c.getReadinessProbe()).as(what + " readinessProbe").isNotNull();
        assertThat(c.getResources().getRequests()).as(what + " requests").containsKeys("cpu", "memory");
        assertThat(c.getResources().getLimits()).as(what + " limits").containsKeys("cpu", "memory");
        assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).as(what + " escalation").isFalse();
        assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).as(what + " read-only root").isTrue();
        assertThat(c.getSecurityContext().getCapabilities().getDrop()).as(what + " capabilities").containsExactly("ALL");
        assertThat(c.getVolumeMounts()).as(what + " writable /tmp").anySatisfy(m -> {
          assertThat(m.getMountPath()).isEqualTo("/tmp");
          assertThat(pod.getVolumes()).anySatisfy(v -> {
            assertThat(v.getName()).isEqualTo(m.getName());
            assertThat(v.getEmptyDir()).isNotNull();
          });
        });
      }
    });
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"dev", "prod"})
  @DisplayName("Services, PodDisruptionBudgets and HPAs select or target workloads that exist")
  void selectorsMatch(String name) throws Exception {
    RenderedOverlay overlay = RenderedOverlay.render(name);
    List<Workload> workloads = workloads(overlay);
    assertThat(overlay.all(Service.class)).allSatisfy(service -> assertThat(workloads)
        .as("a workload for Service " + service.getMetadata().getName())
        .anyMatch(w -> w.template().getMetadata().getLabels().entrySet()
            .containsAll(service.getSpec().getSelector().entrySet())));
    assertThat(overlay.all(PodDisruptionBudget.class)).allSatisfy(pdb -> assertThat(workloads)
        .as("a workload for PodDisruptionBudget " + pdb.getMetadata().getName())
        .anyMatch(w -> w.selector().equals(pdb.getSpec().getSelector().getMatchLabels())));
    assertThat(overlay.all(HorizontalPodAutoscaler.class)).allSatisfy(hpa -> assertThat(overlay.all(Deployment.class))
        .as("the Deployment HPA " + hpa.getMetadata().getName() + " scales")
        .anyMatch(d -> d.getMetadata().getName().equals(hpa.getSpec().getScaleTargetRef().getName())));
  }

  @org.junit.jupiter.api.Test
  @DisplayName("prod runs at least two replicas of every service, scaled from two, on an external PostgreSQL from a Secret")
  void production() throws Exception {
    RenderedOverlay prod = RenderedOverlay.render("prod");
    assertThat(prod.all(Deployment.class)).allSatisfy(d -> {
      assertThat(d.getSpec().getReplicas()).as(d.getMetadata().getName()).isGreaterThanOrEqualTo(2);
      assertThat(d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
          .anySatisfy(env -> {
            assertThat(env.getName()).isEqualTo("PG_URL");
            assertThat(env.getValue()).isNull();
            assertThat(env.getValueFrom().getSecretKeyRef().getName()).isEqualTo("supplyguard-postgres");
          });
    });
    assertThat(prod.all(HorizontalPodAutoscaler.class)).allSatisfy(h -> assertThat(h.getSpec().getMinReplicas())
        .isGreaterThanOrEqualTo(2));
    assertThat(prod.all(StatefulSet.class)).as("no database inside the cluster in prod").isEmpty();
  }

  /**
   * PostgreSQL's max_connections that prod's external database must have at least (deploy/README.md,
   * "Scaling"); dev's own PostgreSQL sets it in its arguments.
   */
  private static final int PROD_MAX_CONNECTIONS = 150;
  /** superuser_reserved_connections (PostgreSQL's default), and room for an operator's psql and an exporter. */
  private static final int RESERVED_CONNECTIONS = 3 + 10;
  /** Connections a pod holds beside its pool: the gateway's LISTEN connection for the event log. */
  private static final Map<String, Integer> CONNECTIONS_BESIDE_POOL = Map.of("gateway", 1);

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"dev", "prod"})
  @DisplayName("every autoscaled Deployment: scaled on CPU, a PodDisruptionBudget of one unavailable pod; in prod from two")
  void autoscaledDeploymentsHaveBudgets(String name) throws Exception {
    RenderedOverlay overlay = RenderedOverlay.render(name);
    assertThat(overlay.all(HorizontalPodAutoscaler.class)).isNotEmpty().allSatisfy(hpa -> {
      String target = hpa.getSpec().getScaleTargetRef().getName();
      Deployment deployment = overlay.all(Deployment.class).stream().filter(d -> d.getMetadata().getName().equals(target))
          .findFirst().orElseThrow(() -> new AssertionError("HPA " + hpa.getMetadata().getName() + " scales nothing"));
      assertThat(hpa.getSpec().getMetrics()).as(target + " HPA metrics").anySatisfy(metric -> {
        assertThat(metric.getResource().getName()).isEqualTo("cpu");
        assertThat(metric.getResource().getTarget().getType()).isEqualTo("Utilization");
      });
      assertThat(hpa.getSpec().getMaxReplicas()).as(target + " maxReplicas").isGreaterThan(hpa.getSpec().getMinReplicas());
      Map<String, String> selector = deployment.getSpec().getSelector().getMatchLabels();
      assertThat(overlay.all(PodDisruptionBudget.class)).as("a PodDisruptionBudget for the scaled Deployment " + target)
          .anySatisfy(pdb -> {
            assertThat(pdb.getSpec().getSelector().getMatchLabels()).isEqualTo(selector);
            assertThat(pdb.getSpec().getMaxUnavailable()).as(target + " PDB maxUnavailable")
                .isEqualTo(new IntOrString(1));
            assertThat(pdb.getSpec().getMinAvailable()).isNull();
          });
      if (name.equals("prod")) {
        // With one pod, a PDB of one unavailable lets a drain take the service down.
        assertThat(hpa.getSpec().getMinReplicas()).as(target + " HPA minReplicas in prod").isGreaterThanOrEqualTo(2);
        assertThat(deployment.getSpec().getReplicas()).as(target + " replicas in prod")
            .isBetween(hpa.getSpec().getMinReplicas(), hpa.getSpec().getMaxReplicas());
      }
    });
    assertThat(overlay.all(HorizontalPodAutoscaler.class)).extracting(h -> h.getSpec().getScaleTargetRef().getName())
        .containsExactlyInAnyOrder("gateway", "licence-service", "inventory-service");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"dev", "prod"})
  @DisplayName("the inventory-service scales down slowly: a window longer than a recompute and its lease, one pod at a time")
  void inventoryScalesDownSlowly(String name) throws Exception {
    HorizontalPodAutoscaler hpa = RenderedOverlay.render(name).all(HorizontalPodAutoscaler.class).stream()
        .filter(h -> h.getSpec().getScaleTargetRef().getName().equals("inventory-service")).findFirst().orElseThrow();
    var scaleDown = hpa.getSpec().getBehavior().getScaleDown();
    // A recompute of 1,000,000 positions takes minutes at most (docs/performance.md); a part's lease 30 s.
    assertThat(scaleDown.getStabilizationWindowSeconds()).as("scale-down stabilisation window (s)")
        .isGreaterThanOrEqualTo(300);
    assertThat(scaleDown.getPolicies()).isNotEmpty().allSatisfy(policy -> {
      assertThat(policy.getType()).isEqualTo("Pods");
      assertThat(policy.getValue()).isEqualTo(1);
    });
    if (name.equals("prod")) {
      assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(2);
      assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(4);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"dev", "prod"})
  @DisplayName("the gateway asks for whole cores, may use exactly them, and runs one instance per core requested")
  void gatewayRunsOneInstancePerCore(String name) throws Exception {
    Deployment gateway = RenderedOverlay.render(name).all(Deployment.class).stream()
        .filter(d -> d.getMetadata().getName().equals("gateway")).findFirst().orElseThrow();
    Container container = gateway.getSpec().getTemplate().getSpec().getContainers().get(0);
    BigDecimal request = cores(container.getResources().getRequests().get("cpu"));
    BigDecimal limit = cores(container.getResources().getLimits().get("cpu"));
    assertThat(request.stripTrailingZeros().scale()).as("whole cores requested: " + request).isLessThanOrEqualTo(0);
    assertThat(request).as("cores requested").isGreaterThanOrEqualTo(BigDecimal.ONE);
    assertThat(limit).as("CPU limit = request").isEqualByComparingTo(request);
    EnvVar instances = container.getEnv().stream().filter(e -> e.getName().equals("GATEWAY_INSTANCES")).findFirst()
        .orElseThrow(() -> new AssertionError("GATEWAY_INSTANCES is not set"));
    var field = instances.getValueFrom().getResourceFieldRef();
    assertThat(field.getContainerName()).isEqualTo(container.getName());
    assertThat(field.getResource()).isEqualTo("requests.cpu");
    assertThat(cores(field.getDivisor())).isEqualByComparingTo(BigDecimal.ONE);
    if (name.equals("prod")) {
      assertThat(request).as("prod's gateway pods: two cores").isEqualByComparingTo(BigDecimal.valueOf(2));
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"dev", "prod"})
  @DisplayName("every pool at its HPA's maximum, plus a rollout's surge, fits PostgreSQL's max_connections")
  void connectionsFitPostgres(String name) throws Exception {
    RenderedOverlay overlay = RenderedOverlay.render(name);
    int maxConnections = name.equals("prod") ? PROD_MAX_CONNECTIONS : overlay.all(StatefulSet.class).stream()
        .filter(s -> s.getMetadata().getName().equals("postgres")).findFirst().orElseThrow()
        .getSpec().getTemplate().getSpec().getContainers().get(0).getArgs().stream()
        .filter(a -> a.startsWith("max_connections=")).map(a -> Integer.parseInt(a.substring("max_connections=".length())))
        .findFirst().orElseThrow(() -> new AssertionError("dev's PostgreSQL sets no max_connections"));
    Map<String, String> shared = overlay.all(ConfigMap.class).stream()
        .filter(c -> c.getMetadata().getName().equals("supplyguard-config")).findFirst().orElseThrow().getData();
    int defaultPool = Integer.parseInt(commonDefaults().getString("PG_POOL_SIZE"));
    int total = 0;
    StringBuilder budget = new StringBuilder();
    for (Deployment d : overlay.all(Deployment.class)) {
      String service = d.getMetadata().getName();
      int pods = overlay.all(HorizontalPodAutoscaler.class).stream()
          .filter(h -> h.getSpec().getScaleTargetRef().getName().equals(service))
          .map(h -> h.getSpec().getMaxReplicas()).findFirst().orElse(d.getSpec().getReplicas());
      IntOrString surge = d.getSpec().getStrategy().getRollingUpdate().getMaxSurge();
      int surgePods = surge.getIntVal() != null ? surge.getIntVal()
          : (int) Math.ceil(pods * Double.parseDouble(surge.getStrVal().replace("%", "")) / 100);
      Container container = d.getSpec().getTemplate().getSpec().getContainers().get(0);
      int pool = Optional.ofNullable(container.getEnv()).orElse(List.of()).stream()
          .filter(e -> e.getName().equals("PG_POOL_SIZE") && e.getValue() != null)
          .map(e -> Integer.parseInt(e.getValue())).findFirst()
          .orElse(shared.containsKey("PG_POOL_SIZE") ? Integer.parseInt(shared.get("PG_POOL_SIZE")) : defaultPool);
      int perPod = pool + CONNECTIONS_BESIDE_POOL.getOrDefault(service, 0);
      total += (pods + surgePods) * perPod;
      budget.append(String.format("%s (%d + %d) x %d; ", service, pods, surgePods, perPod));
    }
    assertThat(total).as("connections at the maximum replica counts: " + budget + "max_connections " + maxConnections
        + " less " + RESERVED_CONNECTIONS + " reserved").isLessThanOrEqualTo(maxConnections - RESERVED_CONNECTIONS);
  }

  private static BigDecimal cores(Quantity quantity) {
    return Quantity.getAmountInBytes(quantity);
  }

  private static JsonObject commonDefaults() throws Exception {
    try (InputStream in = KubernetesManifestsTest.class.getClassLoader().getResourceAsStream("config/common.json")) {
      assertThat(in).as("common's config/common.json on the classpath").isNotNull();
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
