package io.supplyguard.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.config.JoinConfig;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ClusterConfigTest {
  private static JsonObject base() {
    return new JsonObject().put("CLUSTER_NAME", "sg").put("CLUSTER_HOST", "10.0.0.7").put("CLUSTER_PORT", "5801")
        .put("CLUSTER_PORT_COUNT", "1").put("CLUSTER_MEMBERS", "").put("CLUSTER_SERVICE_DNS", "")
        .put("EVENT_BUS_PORT", "5901");
  }

  @Test
  @DisplayName("members: TCP/IP join on the listed members, and the event bus on its configured port")
  void members() {
    ClusterConfig config = ClusterConfig.from(new Settings(base().put("CLUSTER_DISCOVERY", "members")
        .put("CLUSTER_MEMBERS", "10.0.0.7:5801,10.0.0.8:5801")));
    JoinConfig join = config.hazelcast().getNetworkConfig().getJoin();
    assertThat(join.getTcpIpConfig().isEnabled()).isTrue();
    assertThat(join.getTcpIpConfig().getMembers()).containsExactly("10.0.0.7:5801", "10.0.0.8:5801");
    assertThat(join.getKubernetesConfig().isEnabled()).isFalse();
    assertThat(config.eventBusPort()).isEqualTo(5901);
  }

  @Test
  @DisplayName("kubernetes: Hazelcast's Kubernetes discovery in DNS mode on the headless Service, no member list")
  void kubernetes() {
    ClusterConfig config = ClusterConfig.from(new Settings(base().put("CLUSTER_DISCOVERY", "kubernetes")
        .put("CLUSTER_SERVICE_DNS", "supplyguard-cluster.supplyguard.svc.cluster.local")));
    JoinConfig join = config.hazelcast().getNetworkConfig().getJoin();
    assertThat(join.getTcpIpConfig().isEnabled()).isFalse();
    assertThat(join.getMulticastConfig().isEnabled()).isFalse();
    assertThat(join.getKubernetesConfig().isEnabled()).isTrue();
    assertThat(join.getKubernetesConfig().getProperty("service-dns"))
        .isEqualTo("supplyguard-cluster.supplyguard.svc.cluster.local");
    assertThat(join.getKubernetesConfig().getProperty("service-port")).isEqualTo("5801");
  }

  @Test
  @DisplayName("kubernetes without a Service name, or an unknown discovery, is refused naming the setting")
  void refused() {
    assertThatThrownBy(() -> ClusterConfig.from(new Settings(base().put("CLUSTER_DISCOVERY", "kubernetes"))))
        .isInstanceOf(InvalidConfigException.class).hasMessageContaining("CLUSTER_SERVICE_DNS");
    assertThatThrownBy(() -> ClusterConfig.from(new Settings(base().put("CLUSTER_DISCOVERY", "multicast"))))
        .isInstanceOf(InvalidConfigException.class).hasMessageContaining("CLUSTER_DISCOVERY");
  }
}
