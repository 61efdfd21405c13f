package io.supplyguard.common.config;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import java.util.List;

/**
 * How a service joins the clustered event bus: Hazelcast with TCP/IP join on the members
 * named by configuration (loopback by default), never multicast or auto-detection, so that
 * two platforms on one machine only merge when they share a cluster name and members.
 */
public record ClusterConfig(String name, String host, int port, int portCount, List<String> members) {

  public static ClusterConfig from(Settings settings) {
    List<String> members = settings.list("CLUSTER_MEMBERS");
    if (members.isEmpty()) {
      throw new InvalidConfigException("CLUSTER_MEMBERS", "must list at least one host:port");
    }
    return new ClusterConfig(settings.string("CLUSTER_NAME"), settings.string("CLUSTER_HOST"),
        settings.port("CLUSTER_PORT"), settings.integer("CLUSTER_PORT_COUNT"), members);
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
    join.getTcpIpConfig().setEnabled(true).setMembers(members);
    return config;
  }
}
