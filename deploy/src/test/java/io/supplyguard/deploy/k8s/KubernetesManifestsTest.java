package io.supplyguard.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
}
