package io.supplyguard.inventory.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * MOFCOM 2026 No. 1 (licence migration V7) reaches a stock position through the real
 * licence-service: Dy oxide shipped to JP for MILITARY use is PROHIBITED from 2026-01-06. The
 * position's horizon is its lead time, 30 days, so as of 2025-12-01 it does not reach that day.
 */
class Regime2026RecommendationOverTheBusTest extends BufferBusTest {
  Regime2026RecommendationOverTheBusTest() {
    super(new JsonObject());
  }

  @Test
  @DisplayName("a JP MILITARY Dy oxide position: LICENCE_REQUIRED as of 2025-12-01, PROHIBITED as of 2026-01-06 by MOFCOM-2026-1; JP CIVIL is not")
  void prohibitedFromTheSixth(VertxTestContext test) {
    JsonObject military = BufferBus.workedExample("plant-jp", "dy-oxide").put("destination", "JP")
        .put("endUse", "MILITARY");
    JsonObject civil = BufferBus.workedExample("plant-jp", "gd-oxide").put("destination", "JP");
    platform.site("t-jp", "plant-jp")
        .compose(site -> platform.upsert("t-jp", military))
        .compose(v -> platform.upsert("t-jp", civil))
        .compose(v -> Future.all(
            platform.recommendation("t-jp", "plant-jp", "dy-oxide", "2025-12-01"),
            platform.recommendation("t-jp", "plant-jp", "dy-oxide", "2026-01-06"),
            platform.recommendation("t-jp", "plant-jp", "gd-oxide", "2026-01-06")))
        .onComplete(test.succeeding(all -> test.verify(() -> {
          JsonObject before = all.resultAt(0);
          assertThat(before.getString("asOf")).isEqualTo("2025-12-01");
          assertThat(before.getString("condition")).isEqualTo("LICENCE_REQUIRED");
          assertThat(before.encode()).doesNotContain("MOFCOM-2026-1");
          JsonObject after = all.resultAt(1);
          assertThat(after.getString("asOf")).isEqualTo("2026-01-06");
          assertThat(after.getString("condition")).isEqualTo("PROHIBITED");
          assertThat(after.encode()).contains("MOFCOM-2026-1");
          JsonObject jpCivil = all.resultAt(2);
          assertThat(jpCivil.getString("condition")).isEqualTo("LICENCE_REQUIRED");
          test.completeNow();
        })));
  }
}
