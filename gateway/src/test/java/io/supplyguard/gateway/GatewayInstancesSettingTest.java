package io.supplyguard.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supplyguard.common.config.InvalidConfigException;
import io.supplyguard.common.config.Settings;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** GATEWAY_INSTANCES: one instance per core by default, a number as given, anything else refused at start. */
class GatewayInstancesSettingTest {
  private static final int CORES = Runtime.getRuntime().availableProcessors();

  private static int instances(String value) {
    JsonObject values = new JsonObject();
    if (value != null) {
      values.put(GatewayInstances.KEY, value);
    }
    return GatewayInstances.from(new Settings(values));
  }

  @Test
  @DisplayName("absent, empty or 0: one per core the JVM may use")
  void defaultIsCores() {
    assertThat(instances(null)).isEqualTo(CORES);
    assertThat(instances("")).isEqualTo(CORES);
    assertThat(instances("0")).isEqualTo(CORES);
  }

  @Test
  @DisplayName("a positive number is taken as it is, whatever the cores")
  void given() {
    assertThat(instances("1")).isEqualTo(1);
    assertThat(instances("5")).isEqualTo(5);
  }

  @Test
  @DisplayName("a negative number or text stops the gateway, naming GATEWAY_INSTANCES")
  void refused() {
    assertThatThrownBy(() -> instances("-1")).isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("GATEWAY_INSTANCES");
    assertThatThrownBy(() -> instances("many")).isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("GATEWAY_INSTANCES");
  }
}
