package io.supplyguard.inventory.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supplyguard.common.config.InvalidConfigException;
import io.supplyguard.common.config.Settings;
import io.supplyguard.inventory.buffer.BufferParameters;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The inventory-service's settings: the shipped defaults parse; a bad value is refused naming its key. */
class InventorySettingsTest {

  private static JsonObject defaults() {
    return classpath("config/common.json").mergeIn(classpath("config/inventory-service.json"));
  }

  private static JsonObject classpath(String path) {
    try (InputStream in = InventorySettingsTest.class.getClassLoader().getResourceAsStream(path)) {
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  @DisplayName("the shipped defaults give the model's documented parameters and no fault point")
  void defaultsParse() {
    InventorySettings settings = InventorySettings.from(new Settings(defaults()));
    assertThat(settings.buffer()).isEqualTo(BufferParameters.DEFAULTS);
    assertThat(settings.positionDefaults().serviceLevel()).isEqualTo(0.95);
    assertThat(settings.positionDefaults().orderDays()).isEqualTo(30);
    assertThat(settings.recompute().partSize()).isEqualTo(2000);
    assertThat(settings.recompute().lease()).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.recompute().partsInFlight()).isEqualTo(2);
    assertThat(settings.timers().alertDeliveryRetry()).isEqualTo(Duration.ofSeconds(1));
    assertThat(settings.faultHaltAt()).isEmpty();
  }

  @Test
  @DisplayName("a malformed value stops the service, naming its key")
  void refused() {
    assertThatThrownBy(() -> InventorySettings.from(new Settings(defaults().put("RECOMPUTE_PAGE_SIZE", "many"))))
        .isInstanceOf(InvalidConfigException.class).hasMessageContaining("RECOMPUTE_PAGE_SIZE");
    assertThatThrownBy(() -> InventorySettings.from(new Settings(defaults().put("BUFFER_REVIEW_STD_DAYS", "NaN"))))
        .isInstanceOf(InvalidConfigException.class).hasMessageContaining("BUFFER_REVIEW_STD_DAYS");
  }
}
