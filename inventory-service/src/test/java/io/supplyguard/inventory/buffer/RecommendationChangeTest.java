package io.supplyguard.inventory.buffer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What a what-if reports as a change, and which positions can be simulated at all. */
class RecommendationChangeTest {
  /** The worked example of docs/buffer-model.md: d 10, sd 4, L 30, sL 5, Q 300, 900 on hand. */
  private static final PositionInputs WORKED = new PositionInputs(900, 0, 10, 4, 30, 5, ServiceMeasure.CYCLE, 0.95, 0,
      300, null);
  private static final LicensingDelay REQUIRED =
      LicensingDelay.of(SupplyCondition.LICENCE_REQUIRED, 63, BufferParameters.DEFAULTS);

  @Test
  @DisplayName("the same position under the same condition is no change")
  void sameIsNoChange() {
    Recommendation now = BufferModel.recommend(WORKED, SupplyCondition.NOT_CONTROLLED, LicensingDelay.NONE);
    Recommendation again = BufferModel.recommend(WORKED, SupplyCondition.NOT_CONTROLLED, LicensingDelay.NONE);
    assertThat(now.differsMateriallyFrom(again)).isFalse();
  }

  @Test
  @DisplayName("a licence requirement changes the condition and the reorder point: a change")
  void conditionIsAChange() {
    Recommendation now = BufferModel.recommend(WORKED, SupplyCondition.NOT_CONTROLLED, LicensingDelay.NONE);
    Recommendation required = BufferModel.recommend(WORKED, SupplyCondition.LICENCE_REQUIRED, REQUIRED);
    assertThat(now.differsMateriallyFrom(required)).isTrue();
    assertThat(required.differsMateriallyFrom(now)).isTrue();
  }

  @Test
  @DisplayName("a higher service level moves the reorder point alone: still a change")
  void reorderPointAloneIsAChange() {
    PositionInputs stricter = new PositionInputs(900, 0, 10, 4, 30, 5, ServiceMeasure.CYCLE, 0.99, 0, 300, null);
    Recommendation now = BufferModel.recommend(WORKED, SupplyCondition.NOT_CONTROLLED, LicensingDelay.NONE);
    Recommendation more = BufferModel.recommend(stricter, SupplyCondition.NOT_CONTROLLED, LicensingDelay.NONE);
    assertThat(now.condition()).isEqualTo(more.condition());
    assertThat(now.status()).isEqualTo(more.status());
    assertThat(now.differsMateriallyFrom(more)).isTrue();
  }

  @Test
  @DisplayName("less on hand changes the days of cover only while the status stays: no change")
  void coverAloneIsNoChange() {
    PositionInputs less = new PositionInputs(850, 0, 10, 4, 30, 5, ServiceMeasure.CYCLE, 0.95, 0, 300, null);
    Recommendation now = BufferModel.recommend(WORKED, SupplyCondition.NOT_CONTROLLED, LicensingDelay.NONE);
    Recommendation after = BufferModel.recommend(less, SupplyCondition.NOT_CONTROLLED, LicensingDelay.NONE);
    assertThat(after.daysOfCover()).isNotEqualTo(now.daysOfCover());
    assertThat(now.differsMateriallyFrom(after)).isFalse();
  }

  @Test
  @DisplayName("a prohibited position without an alternate, or one that orders nothing, has no policy to simulate")
  void simulationRefusals() {
    assertThat(SimulationRefusal.of(WORKED, BufferModel.recommend(WORKED, SupplyCondition.PROHIBITED,
        LicensingDelay.NONE))).contains(SimulationRefusal.UNBUFFERABLE);
    PositionInputs idle = new PositionInputs(900, 0, 0, 0, 30, 5, ServiceMeasure.CYCLE, 0.95, 0, 0, null);
    assertThat(SimulationRefusal.of(idle, BufferModel.recommend(idle, SupplyCondition.NOT_CONTROLLED,
        LicensingDelay.NONE))).contains(SimulationRefusal.ORDERS_NOTHING);
    assertThat(SimulationRefusal.of(WORKED, BufferModel.recommend(WORKED, SupplyCondition.LICENCE_REQUIRED,
        REQUIRED))).isEmpty();
  }
}
