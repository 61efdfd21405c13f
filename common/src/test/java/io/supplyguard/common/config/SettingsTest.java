package io.supplyguard.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SettingsTest {

  @Test
  @DisplayName("values given as text (environment variables) are parsed into their types")
  void parsesText() {
    Settings settings = new Settings(new JsonObject().put("PORT", "8080").put("TIMEOUT", "250")
        .put("ON", "TRUE").put("LIST", " a, b ,,c "));
    assertThat(settings.port("PORT")).isEqualTo(8080);
    assertThat(settings.millis("TIMEOUT")).isEqualTo(Duration.ofMillis(250));
    assertThat(settings.bool("ON")).isTrue();
    assertThat(settings.list("LIST")).containsExactly("a", "b", "c");
    assertThat(settings.list("ABSENT")).isEmpty();
  }

  @Test
  @DisplayName("a missing or malformed value fails at once, naming the key")
  void failsFastNamingTheKey() {
    Settings settings = new Settings(new JsonObject().put("PORT", "eighty").put("BIG", "70000")
        .put("BLANK", "  ").put("ZONE", "Mars/Olympus"));
    assertThatThrownBy(() -> settings.port("PORT")).hasMessageContaining("PORT").hasMessageContaining("eighty");
    assertThatThrownBy(() -> settings.port("BIG")).hasMessageContaining("BIG");
    assertThatThrownBy(() -> settings.string("BLANK")).hasMessageContaining("BLANK is required");
    assertThatThrownBy(() -> settings.zone("ZONE")).hasMessageContaining("ZONE");
    assertThatThrownBy(() -> settings.millis("MISSING")).hasMessageContaining("MISSING is required");
  }

  @Test
  @DisplayName("PG_URL wins over the PG* variables, and a bad one is refused without echoing it")
  void databaseSettings() {
    JsonObject base = new JsonObject().put("SERVICE_NAME", "svc").put("PG_POOL_SIZE", "4")
        .put("PGHOST", "ignored").put("PGPORT", "1").put("PGDATABASE", "x").put("PGUSER", "y");
    DbConfig fromUrl = DbConfig.from(new Settings(base.copy()
        .put("PG_URL", "postgresql://app:s3cret@db.example:6543/supply")), "licence");
    assertThat(fromUrl.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/supply");
    assertThat(fromUrl.connect().getUser()).isEqualTo("app");
    assertThat(fromUrl.connect().getProperties()).containsEntry("search_path", "licence");
    assertThatThrownBy(() -> DbConfig.from(new Settings(base.copy().put("PG_URL", "mysql://u:p4ss@h/d")), "licence"))
        .hasMessageContaining("PG_URL").hasMessageNotContaining("p4ss");
  }

  @Test
  @DisplayName("the cluster joins only the members it is given, over TCP/IP, never by multicast")
  void clusterJoin() {
    Settings settings = new Settings(new JsonObject().put("CLUSTER_NAME", "c1").put("CLUSTER_HOST", "127.0.0.1")
        .put("CLUSTER_PORT", "5901").put("CLUSTER_PORT_COUNT", "1")
        .put("CLUSTER_MEMBERS", "127.0.0.1:5901,127.0.0.1:5902").put("CLUSTER_DISCOVERY", "members")
        .put("EVENT_BUS_PORT", "0"));
    var hazelcast = ClusterConfig.from(settings).hazelcast();
    assertThat(hazelcast.getClusterName()).isEqualTo("c1");
    assertThat(hazelcast.getNetworkConfig().getJoin().getMulticastConfig().isEnabled()).isFalse();
    assertThat(hazelcast.getNetworkConfig().getJoin().getTcpIpConfig().getMembers())
        .containsExactly("127.0.0.1:5901", "127.0.0.1:5902");
    assertThat(hazelcast.getNetworkConfig().isPortAutoIncrement()).isFalse();
    assertThat(hazelcast.getMultiMapConfig("__vertx.subs").getBackupCount()).isEqualTo(1);
  }
}
