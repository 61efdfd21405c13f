package io.supplyguard.common.config;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import java.util.List;

/**
 * How a service joins the clustered event bus. Hazelcast finds its members either from the
 * list configuration names (TCP/IP join, loopback by default, so that two platforms on one
 * machine only merge when they share a cluster name and members) or, on Kubernetes, from the
 * DNS records of a headless Service; never by multicast or auto-detection.
 *
 * @param kubernetesServiceDns the headless Service's DNS name, or null to join the listed members
 * @param eventBusPort the port the event bus listens on; 0 for any free one
 */
public record ClusterConfig(String name, String host, int port, int portCount, List<String> members,
    String kubernetesServiceDns, int eventBusPort) {

  public static ClusterConfig from(Settings settings) {
    String discovery = settings.string("CLUSTER_DISCOVERY");
    String serviceDns = switch (discovery) {
      case "members" -> null;
      case "kubernetes" -> settings.optional("CLUSTER_SERVICE_DNS").filter(s -> !s.isBlank())
          .orElseThrow(() -> new InvalidConfigException("CLUSTER_SERVICE_DNS",
              "must name the headless Service when CLUSTER_DISCOVERY is kubernetes"));
      default -> throw new InvalidConfigException("CLUSTER_DISCOVERY", "must be members or kubernetes");
    };
    List<String> members = settings.list("CLUSTER_MEMBERS");
    if (serviceDns == null && members.isEmpty()) {
      throw new InvalidConfigException("CLUSTER_MEMBERS", "must list at least one host:port");
    }
    return new ClusterConfig(settings.string("CLUSTER_NAME"), settings.string("CLUSTER_HOST"),
        settings.port("CLUSTER_PORT"), settings.integer("CLUSTER_PORT_COUNT"), members, serviceDns,
        settings.integer("EVENT_BUS_PORT"));
  }

  /** Vert.x's own Hazelcast defaults (its maps and multimaps) with our network and join. */
  public Config hazelcast() {
    Config config = ConfigUtil.loadConfig();
    config.setClusterName(name);
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "slf4j");
    // Vert.x is closed by our own shutdown hook; Hazelcast's would leave the cluster first
    // and make requests in flight time out.
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    config.setProperty("hazelcast.wait.seconds.before.join", "0");
    NetworkConfig network = config.getNetworkConfig();
    network.setPort(port).setPortAutoIncrement(portCount > 1).setPortCount(Math.max(1, portCount));
    network.getInterfaces().setEnabled(true).setInterfaces(List.of(host));
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    if (kubernetesServiceDns == null) {
      join.getTcpIpConfig().setEnabled(true).setMembers(members);
    } else {
      // Hazelcast's built-in Kubernetes discovery in DNS lookup mode: no API access needed.
      join.getKubernetesConfig().setEnabled(true)
          .setProperty("service-dns", kubernetesServiceDns)
          .setProperty("service-port", String.valueOf(port));
    }
    return config;
  }
}
