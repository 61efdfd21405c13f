package io.supplyguard.inventory.buffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SimulationTest {
  private static final int TEN_YEARS = 3650;
  private static final long SEED = 20261130L;

  /**
   * A position where the model's continuous-review, normal lead-time-demand assumptions hold well,
   * so that the simulation can hold the model to its target:
   * <ul>
   *   <li>lead-time demand has a standard deviation of sqrt(60*3^2 + 10^2*20^2) = 201 kg, twenty days
   *       of demand, so the undershoot below the reorder point at a daily review (about half a day's
   *       demand) costs about half a point of service;</li>
   *   <li>sd 3 on a mean of 10 and sL 20 on a mean of 60 make the cuts at zero negligible (4 in
   *       10,000 days, 13 in 10,000 orders);</li>
   *   <li>Q is 120 days of demand against lead times of 60 ± 20 days, so one order at a time is
   *       outstanding, orders do not overtake each other and each cycle ends with exactly the lead
   *       time the model protects;</li>
   *   <li>120-day cycles over ten years and 400 replications give ~11,600 cycles, a 95% interval of
   *       about ±0.5 points, well inside the 2 points allowed.</li>
   * </ul>
   */
  private static PositionInputs wellBehaved(double serviceLevel) {
    return new PositionInputs(900, 0, 10, 3, 60, 20, ServiceMeasure.CYCLE, serviceLevel, 0, 1200, null);
  }

  /** The worked example of docs/buffer-model.md: d 10, sd 4, L 30, sL 5, Q 300, 900 on hand. */
  private static final PositionInputs WORKED_EXAMPLE = new PositionInputs(900, 0, 10, 4, 30, 5, ServiceMeasure.CYCLE, 0.95, 0, 300, null);
  private static final LicensingDelay LICENCE_REQUIRED =
      LicensingDelay.of(SupplyCondition.LICENCE_REQUIRED, 63, BufferParameters.DEFAULTS);
  private static final List<LeadTimeBranch> LICENCE_REQUIRED_BRANCHES =
      SimulationRequest.branches(WORKED_EXAMPLE, SupplyCondition.LICENCE_REQUIRED, LICENCE_REQUIRED);

  @Nested
  @DisplayName("a NOT_CONTROLLED position under its recommended policy")
  class NotControlled {
    @DisplayName("achieves its target cycle service level within 2 points")
    @ParameterizedTest(name = "target {0}")
    @ValueSource(doubles = {0.90, 0.95, 0.98})
    void achievesTheTarget(double target) {
      PositionInputs in = wellBehaved(target);
      Recommendation recommendation = BufferModel.recommend(in, SupplyCondition.NOT_CONTROLLED, LicensingDelay.NONE);

      SimulationResult result = Simulation.run(SimulationRequest.of(in, recommendation, TEN_YEARS, 400, SEED));

      assertThat(result.cycles()).isGreaterThan(10_000);
      assertThat(result.cycleServiceLevel().mean()).isCloseTo(target, within(0.02));
    }

    @DisplayName("falls clearly short of it with half the safety stock, so the check above can fail")
    @ParameterizedTest(name = "target {0}")
    @ValueSource(doubles = {0.90, 0.95, 0.98})
    void halfTheSafetyStockFallsShort(double target) {
      PositionInputs in = wellBehaved(target);
      Recommendation recommendation = BufferModel.recommend(in, SupplyCondition.NOT_CONTROLLED, LicensingDelay.NONE);
      SimulationPolicy halved = new SimulationPolicy(
          recommendation.reorderPoint() - recommendation.safetyStock() / 2, in.orderQuantity(), 0);

      SimulationResult result = Simulation.run(
          new SimulationRequest(in, SimulationRequest.branches(in, SupplyCondition.NOT_CONTROLLED, LicensingDelay.NONE), halved, TEN_YEARS, 400, SEED));

      assertThat(result.cycleServiceLevel().upper()).isLessThan(target - 0.05);
    }
  }

  @Nested
  @DisplayName("the worked example under LICENCE_REQUIRED delays")
  class LicenceRequired {
    @Test
    @DisplayName("reaches its 0.95 target with its recommended policy")
    void recommendedPolicyReachesTheTarget() {
      Recommendation recommendation =
          BufferModel.recommend(WORKED_EXAMPLE, SupplyCondition.LICENCE_REQUIRED, LICENCE_REQUIRED);

      SimulationResult result = Simulation.run(SimulationRequest.of(WORKED_EXAMPLE, recommendation, TEN_YEARS, 200,
          SEED));

      // Q is 30 days against a lead time of ~106, so three or four orders are in the pipeline and
      // their lead times cross: the exact quantile of one order's lead-time demand is then
      // conservative (the one-order-at-a-time grid is SimulationGridTest).
      assertThat(result.cycleServiceLevel().mean()).isGreaterThanOrEqualTo(0.95 - 0.02);
    }

    @Test
    @DisplayName("falls far short with the policy it would have if it were NOT_CONTROLLED")
    void notControlledPolicyFallsShort() {
      Recommendation uncontrolled =
          BufferModel.recommend(WORKED_EXAMPLE, SupplyCondition.NOT_CONTROLLED, LicensingDelay.NONE);

      SimulationResult result = Simulation.run(new SimulationRequest(WORKED_EXAMPLE, LICENCE_REQUIRED_BRANCHES,
          SimulationPolicy.of(uncontrolled, WORKED_EXAMPLE), TEN_YEARS, 200, SEED));

      // A reorder point of 390 kg covers 39 days of demand; the licensed lead time is ~106 days.
      assertThat(result.cycleServiceLevel().upper()).isLessThan(0.5);
      assertThat(result.fillRate().upper()).isLessThan(0.5);
      assertThat(result.stockoutProbability().lower()).isGreaterThan(0.95);
    }
  }

  @Test
  @DisplayName("without randomness a position with no safety stock runs down to exactly zero before each arrival")
  void deterministicTiming() {
    // ROP = 10*30 = 300: the order placed at the end of the day IP reaches 300 arrives after 30 more
    // days of demand, on the morning stock would first be short. One day later and every cycle would stock out.
    PositionInputs in = new PositionInputs(900, 0, 10, 0, 30, 0, ServiceMeasure.CYCLE, 0.95, 0, 300, null);
    Recommendation recommendation = BufferModel.recommend(in, SupplyCondition.NOT_CONTROLLED, LicensingDelay.NONE);

    SimulationResult result = Simulation.run(SimulationRequest.of(in, recommendation, 365, 3, SEED));

    assertThat(recommendation.safetyStock()).isZero();
    assertThat(result.cycles()).isGreaterThan(3 * 5);
    assertThat(result.cycleServiceLevel().mean()).isEqualTo(1.0);
    assertThat(result.fillRate().mean()).isEqualTo(1.0);
    assertThat(result.stockoutProbability().mean()).isZero();
    assertThat(result.stockoutProbability().upper()).isZero();
  }

  @Test
  @DisplayName("the same seed gives the same result and another seed a different one")
  void seeded() {
    Recommendation recommendation =
        BufferModel.recommend(WORKED_EXAMPLE, SupplyCondition.LICENCE_REQUIRED, LICENCE_REQUIRED);

    SimulationResult first = Simulation.run(SimulationRequest.of(WORKED_EXAMPLE, recommendation, 730, 50, 7));
    SimulationResult again = Simulation.run(SimulationRequest.of(WORKED_EXAMPLE, recommendation, 730, 50, 7));
    SimulationResult other = Simulation.run(SimulationRequest.of(WORKED_EXAMPLE, recommendation, 730, 50, 8));

    assertThat(again).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
  }

  @Test
  @DisplayName("a PROHIBITED position with an alternate source is simulated on the alternate's lead time, unlicensed")
  void alternateSource() {
    PositionInputs in = new PositionInputs(900, 0, 10, 4, 30, 5, ServiceMeasure.CYCLE, 0.95, 0, 300, new AlternateSource(50, 8));
    Recommendation recommendation = BufferModel.recommend(in, SupplyCondition.PROHIBITED, LICENCE_REQUIRED);

    SimulationRequest request = SimulationRequest.of(in, recommendation, 365, 10, SEED);

    assertThat(request.branches()).containsExactly(LeadTimeBranch.supplied(1, 50, 64));
    assertThat(request.policy().reorderPoint()).isEqualTo(recommendation.reorderPoint());
  }

  @Test
  @DisplayName("a single replication says nothing about spread, so its intervals are all of [0, 1]")
  void singleReplication() {
    Recommendation recommendation =
        BufferModel.recommend(WORKED_EXAMPLE, SupplyCondition.NOT_CONTROLLED, LicensingDelay.NONE);

    Estimate fillRate = Simulation.run(SimulationRequest.of(WORKED_EXAMPLE, recommendation, 365, 1, SEED)).fillRate();

    assertThat(fillRate.samples()).isEqualTo(1);
    assertThat(fillRate.lower()).isZero();
    assertThat(fillRate.upper()).isEqualTo(1.0);
  }

  @Nested
  @DisplayName("a request is refused")
  class Validation {
    private final Recommendation recommendation =
        BufferModel.recommend(WORKED_EXAMPLE, SupplyCondition.NOT_CONTROLLED, LicensingDelay.NONE);

    @DisplayName("with replications outside 1..10000")
    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {0, -1, 10_001})
    void replications(int replications) {
      assertThatThrownBy(() -> SimulationRequest.of(WORKED_EXAMPLE, recommendation, 365, replications, SEED))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("replications");
    }

    @DisplayName("with a horizon outside 1..3650 days")
    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {0, -1, 3651})
    void horizon(int horizonDays) {
      assertThatThrownBy(() -> SimulationRequest.of(WORKED_EXAMPLE, recommendation, horizonDays, 10, SEED))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("horizonDays");
    }

    @Test
    @DisplayName("at the limits 1 and 10000 replications, 1 and 3650 days, it is accepted")
    void limits() {
      assertThat(SimulationRequest.of(WORKED_EXAMPLE, recommendation, 1, 10_000, SEED).replications())
          .isEqualTo(10_000);
      assertThat(SimulationRequest.of(WORKED_EXAMPLE, recommendation, 3650, 1, SEED).horizonDays()).isEqualTo(3650);
    }

    @Test
    @DisplayName("for an UNBUFFERABLE position, which has no policy")
    void unbufferable() {
      Recommendation unbufferable =
          BufferModel.recommend(WORKED_EXAMPLE, SupplyCondition.PROHIBITED, LicensingDelay.NONE);

      assertThatThrownBy(() -> SimulationRequest.of(WORKED_EXAMPLE, unbufferable, 365, 10, SEED))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("UNBUFFERABLE");
    }

    @Test
    @DisplayName("with branch weights that do not add to 1")
    void branchWeights() {
      List<LeadTimeBranch> short_ = List.of(LeadTimeBranch.supplied(0.8, 93, 125));

      assertThatThrownBy(() -> new SimulationRequest(WORKED_EXAMPLE, short_,
          SimulationPolicy.of(recommendation, WORKED_EXAMPLE), 365, 10, SEED))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("add to 1");
    }
  }
}
