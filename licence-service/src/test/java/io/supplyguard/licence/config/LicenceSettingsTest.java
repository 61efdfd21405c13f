package io.supplyguard.licence.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supplyguard.common.config.InvalidConfigException;
import io.supplyguard.common.config.Settings;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The licence-service's settings: the shipped defaults parse; a bad value is refused naming its key. */
class LicenceSettingsTest {

  private static JsonObject defaults() {
    return classpath("config/common.json").mergeIn(classpath("config/licence-service.json"));
  }

  private static JsonObject classpath(String path) {
    try (InputStream in = LicenceSettingsTest.class.getClassLoader().getResourceAsStream(path)) {
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static LicenceSettings with(String key, String value) {
    return LicenceSettings.from(new Settings(defaults().put(key, value)));
  }

  @Test
  @DisplayName("the shipped defaults give the values the README documents")
  void defaultsParse() {
    LicenceSettings settings = LicenceSettings.from(new Settings(defaults()));
    assertThat(settings.review().workingDays()).isEqualTo(45);
    assertThat(settings.review().holidays()).isEmpty();
    assertThat(settings.review().watchListExtraWorkingDays()).isEqualTo(20);
    assertThat(settings.risk().defaultDenialProbability()).isEqualByComparingTo("0.2");
    assertThat(settings.risk().screeningThreshold()).isEqualTo(0.9);
    assertThat(settings.timers().outboxFlush()).isEqualTo(Duration.ofSeconds(1));
    assertThat(settings.retention().outboxDays()).isEqualTo(7);
    assertThat(settings.retention().idempotencyDays()).isEqualTo(30);
  }

  @Test
  @DisplayName("holidays are read as days")
  void holidays() {
    assertThat(with("LICENCE_REVIEW_HOLIDAYS", "2026-10-01, 2026-10-02").review().holidays())
        .containsExactlyInAnyOrder(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-02"));
    assertThatThrownBy(() -> with("LICENCE_REVIEW_HOLIDAYS", "2026-10-01,1 October"))
        .isInstanceOf(InvalidConfigException.class).hasMessageContaining("LICENCE_REVIEW_HOLIDAYS")
        .hasMessageContaining("1 October");
  }

  @Test
  @DisplayName("the denial probability is between 0 and 1, both included")
  void denialProbability() {
    assertThat(with("BUFFER_DENIAL_PROBABILITY", "1").risk().defaultDenialProbability())
        .isEqualByComparingTo(BigDecimal.ONE);
    assertThat(with("BUFFER_DENIAL_PROBABILITY", "0").risk().defaultDenialProbability())
        .isEqualByComparingTo(BigDecimal.ZERO);
    assertThatThrownBy(() -> with("BUFFER_DENIAL_PROBABILITY", "1.5")).isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("BUFFER_DENIAL_PROBABILITY");
  }

  @Test
  @DisplayName("the screening threshold is above 0 and at most 1")
  void screeningThreshold() {
    assertThat(with("SCREENING_THRESHOLD", "1").risk().screeningThreshold()).isEqualTo(1.0);
    assertThatThrownBy(() -> with("SCREENING_THRESHOLD", "0")).isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("SCREENING_THRESHOLD");
  }
}
