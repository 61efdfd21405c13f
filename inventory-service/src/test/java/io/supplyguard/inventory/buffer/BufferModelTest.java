package io.supplyguard.inventory.buffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BufferModelTest {
  /** docs/buffer-model.md prints its figures to two decimals. */
  private static final Offset<Double> CENT = within(0.005);
  private static final Offset<Double> EXACT = within(1e-9);

  /** The worked example's review time: 45 working days after Monday 2026-11-30 is 63 calendar days. */
  private static final double T = 63;
  private static final LicensingDelay REVIEW = delay(SupplyCondition.LICENCE_REQUIRED);

  /** d 10, sd 4, L 30, sL 5, alpha 0.95 CYCLE, R 0, Q 300, onHand 900, onOrder 0. */
  private static PositionInputs workedExample() {
    return position(900, 0, 10, 4, 30, 5, 0, null);
  }

  private static PositionInputs position(double onHand, double onOrder, double d, double sd, double leadTime,
      double leadTimeStd, double reviewPeriod, AlternateSource alternate) {
    return new PositionInputs(onHand, onOrder, d, sd, leadTime, leadTimeStd, ServiceMeasure.CYCLE, 0.95, reviewPeriod,
        300, alternate);
  }

  private static PositionInputs with(PositionInputs in, ServiceMeasure measure, double serviceLevel) {
    return new PositionInputs(in.onHand(), in.onOrder(), in.demandMeanPerDay(), in.demandStdPerDay(),
        in.leadTimeMeanDays(), in.leadTimeStdDays(), measure, serviceLevel, in.reviewPeriodDays(), in.orderQuantity(),
        in.alternate());
  }

  private static LicensingDelay delay(SupplyCondition condition) {
    return LicensingDelay.of(condition, T, BufferParameters.DEFAULTS);
  }

  private static Recommendation recommend(PositionInputs in, SupplyCondition condition) {
    return BufferModel.recommend(in, condition, delay(condition));
  }

  private static RegimeFuture future(double weight, SupplyCondition condition) {
    return new RegimeFuture(weight, condition, delay(condition));
  }

  /** F(x) of the mixture, computed here independently of the model. */
  private static double mixtureCdf(Recommendation r, PositionInputs in, double x) {
    double sum = 0;
    for (LeadTimeBranch b : r.branches()) {
      if (!b.supplied()) {
        continue;
      }
      double m = b.meanDays() + in.reviewPeriodDays();
      double mu = in.demandMeanPerDay() * m;
      double sigma = Math.sqrt(in.demandStdPerDay() * in.demandStdPerDay() * m
          + in.demandMeanPerDay() * in.demandMeanPerDay() * b.varianceDays2());
      sum += b.weight() * (sigma == 0 ? (x >= mu ? 1 : 0)
          : org.apache.commons.statistics.distribution.NormalDistribution.of(mu, sigma).cumulativeProbability(x));
    }
    return sum;
  }

  @Nested
  @DisplayName("the worked example of docs/buffer-model.md, to the cent")
  class WorkedExample {
    @Test
    @DisplayName("LICENCE_REQUIRED, CYCLE 0.95: ROP 1642.60, E[LTD] 1056.00, SS 586.60, order 1042.60, REORDER")
    void licenceRequired() {
      Recommendation r = recommend(workedExample(), SupplyCondition.LICENCE_REQUIRED);

      assertThat(r.branches()).containsExactly(LeadTimeBranch.supplied(0.8, 93, 125),
          LeadTimeBranch.supplied(0.2, 156, 125));
      assertThat(r.futures()).containsExactly(RegimeFuture.certain(SupplyCondition.LICENCE_REQUIRED, REVIEW));
      assertThat(r.reorderPoint()).isCloseTo(1642.60, CENT);
      assertThat(r.expectedLeadTimeDemand()).isCloseTo(1056.00, CENT);
      assertThat(r.safetyStock()).isCloseTo(586.60, CENT);
      assertThat(r.recommendedOrder()).isCloseTo(1042.60, CENT);
      assertThat(r.status()).isEqualTo(PositionStatus.REORDER);
      assertThat(r.daysOfCover()).isCloseTo(90, EXACT);
      assertThat(r.usedAlternate()).isFalse();
      assertThat(r.unbufferableReason()).isNull();
      assertThat(r.serviceMeasure()).isEqualTo(ServiceMeasure.CYCLE);
      // The root is F(ROP) = alpha to 1e-6 kg: F's slope here is below 1e-3 per kg.
      assertThat(mixtureCdf(r, workedExample(), r.reorderPoint())).isCloseTo(0.95, within(1e-9));
    }

    @Test
    @DisplayName("LICENCE_REQUIRED splits its reorder point: d*(L+R) 300, risk demand 756, safety stock 586.60")
    void reorderPointSplit() {
      Recommendation r = recommend(workedExample(), SupplyCondition.LICENCE_REQUIRED);

      assertThat(r.normalLeadTimeDemand()).as("d*(L+R)").isCloseTo(300, EXACT);
      assertThat(r.riskDemand()).as("E[LTD] - d*(L+R)").isCloseTo(756, within(1e-9));
      assertThat(r.normalLeadTimeDemand() + r.riskDemand() + r.safetyStock()).isCloseTo(r.reorderPoint(), within(1e-9));
      assertThat(r.leadTimeMean()).isCloseTo(105.6, within(1e-9));
      assertThat(r.leadTimeVariance()).isCloseTo(760.04, within(1e-9));
    }

    @Test
    @DisplayName("LICENCE_REQUIRED, FILL_RATE 0.98: ROP 1603.93, SS 547.93, order 1003.93, REORDER")
    void fillRate() {
      PositionInputs in = with(workedExample(), ServiceMeasure.FILL_RATE, 0.98);
      Recommendation r = recommend(in, SupplyCondition.LICENCE_REQUIRED);

      assertThat(r.reorderPoint()).isCloseTo(1603.93, CENT);
      assertThat(r.expectedLeadTimeDemand()).isCloseTo(1056.00, CENT);
      assertThat(r.safetyStock()).isCloseTo(547.93, CENT);
      assertThat(r.recommendedOrder()).isCloseTo(1003.93, CENT);
      assertThat(r.status()).isEqualTo(PositionStatus.REORDER);
      assertThat(r.serviceMeasure()).isEqualTo(ServiceMeasure.FILL_RATE);
    }

    @Test
    @DisplayName("NOT_CONTROLLED: ROP 389.79, SS 89.79, order 0, OK, as in version 1")
    void notControlled() {
      Recommendation r = recommend(workedExample(), SupplyCondition.NOT_CONTROLLED);

      assertThat(r.branches()).containsExactly(LeadTimeBranch.supplied(1, 30, 25));
      assertThat(r.reorderPoint()).isCloseTo(389.79, CENT);
      assertThat(r.safetyStock()).isCloseTo(89.79, CENT);
      assertThat(r.expectedLeadTimeDemand()).isCloseTo(300, EXACT);
      assertThat(r.recommendedOrder()).isZero();
      assertThat(r.status()).isEqualTo(PositionStatus.OK);
      assertThat(r.riskDemand()).isZero();
      // Version 1's closed form, to the bit: SS = z * sqrt((L+R)*sd^2 + d^2*sL^2), ROP = d*(L+R) + SS.
      double v1SafetyStock = BufferModel.z(0.95) * Math.sqrt((30.0 + 0) * 4 * 4 + 10.0 * 10 * 25);
      assertThat(r.safetyStock()).isEqualTo(v1SafetyStock);
      assertThat(r.reorderPoint()).isEqualTo(10 * (30.0 + 0) + v1SafetyStock);
    }

    @Test
    @DisplayName("COVERED: ROP 446.75, SS 96.75, order 0, OK, as in version 1")
    void covered() {
      Recommendation r = recommend(workedExample(), SupplyCondition.COVERED);

      assertThat(r.branches()).containsExactly(LeadTimeBranch.supplied(1, 35, 29));
      assertThat(r.delay()).isEqualTo(new LicensingDelay(5, 2, 0, 0));
      assertThat(r.reorderPoint()).isCloseTo(446.75, CENT);
      assertThat(r.safetyStock()).isCloseTo(96.75, CENT);
      assertThat(r.safetyStock()).isEqualTo(BufferModel.z(0.95) * Math.sqrt((35.0 + 0) * 4 * 4 + 10.0 * 10 * 29));
      assertThat(r.riskDemand()).as("d*muG").isCloseTo(50, EXACT);
      assertThat(r.recommendedOrder()).isZero();
      assertThat(r.status()).isEqualTo(PositionStatus.OK);
    }

    @Test
    @DisplayName("futures 0.6 NOT_CONTROLLED / 0.4 LICENCE_REQUIRED: ROP 1520.98, E[LTD] 602.40, SS 918.58, order 920.98,"
        + " CRITICAL")
    void futures() {
      List<RegimeFuture> futures = List.of(future(0.6, SupplyCondition.NOT_CONTROLLED),
          future(0.4, SupplyCondition.LICENCE_REQUIRED));
      Recommendation r = BufferModel.recommend(workedExample(), SupplyCondition.LICENCE_REQUIRED, futures);

      assertThat(r.condition()).isEqualTo(SupplyCondition.LICENCE_REQUIRED);
      assertThat(r.futures()).isEqualTo(futures);
      assertThat(r.branches()).hasSize(3);
      assertThat(r.branches().get(0)).isEqualTo(LeadTimeBranch.supplied(0.6, 30, 25));
      assertThat(r.branches().get(1).weight()).isCloseTo(0.32, EXACT);
      assertThat(r.branches().get(1).meanDays()).isEqualTo(93);
      assertThat(r.branches().get(1).varianceDays2()).isEqualTo(125);
      assertThat(r.branches().get(2).weight()).isCloseTo(0.08, EXACT);
      assertThat(r.branches().get(2).meanDays()).isEqualTo(156);
      assertThat(r.delay()).isEqualTo(REVIEW);
      assertThat(r.reorderPoint()).isCloseTo(1520.98, CENT);
      assertThat(r.expectedLeadTimeDemand()).isCloseTo(602.40, CENT);
      assertThat(r.safetyStock()).isCloseTo(918.58, CENT);
      assertThat(r.recommendedOrder()).isCloseTo(920.98, CENT);
      assertThat(r.status()).isEqualTo(PositionStatus.CRITICAL);
    }

    @Test
    @DisplayName("the futures' order is kept, and does not change the figures")
    void futuresOrder() {
      List<RegimeFuture> futures = List.of(future(0.4, SupplyCondition.LICENCE_REQUIRED),
          future(0.6, SupplyCondition.NOT_CONTROLLED));
      Recommendation r = BufferModel.recommend(workedExample(), SupplyCondition.LICENCE_REQUIRED, futures);

      assertThat(r.futures()).isEqualTo(futures);
      assertThat(r.branches().get(0).meanDays()).isEqualTo(93);
      assertThat(r.reorderPoint()).isCloseTo(1520.98, CENT);
    }
  }

  @Nested
  @DisplayName("without demand")
  class ZeroDemand {
    @Test
    @DisplayName("constant demand of zero: no safety stock, no days of cover, even over two steps")
    void noSafetyStockAndNoCover() {
      Recommendation r = recommend(position(50, 0, 0, 0, 30, 5, 0, null), SupplyCondition.LICENCE_REQUIRED);

      assertThat(r.safetyStock()).isZero();
      assertThat(r.reorderPoint()).isZero();
      assertThat(r.daysOfCover()).isNull();
      assertThat(r.recommendedOrder()).isZero();
      assertThat(r.status()).isEqualTo(PositionStatus.OK);
    }

    @Test
    @DisplayName("an empty position is at its reorder point of zero and orders Q")
    void emptyPositionOrdersQ() {
      Recommendation r = recommend(position(0, 0, 0, 0, 30, 5, 0, null), SupplyCondition.NOT_CONTROLLED);

      assertThat(r.recommendedOrder()).isCloseTo(300, EXACT);
      assertThat(r.status()).isEqualTo(PositionStatus.REORDER);
    }

    @Test
    @DisplayName("a mean of zero leaves only the demand noise over each branch's lead time")
    void demandNoiseOnly() {
      PositionInputs in = position(0, 0, 0, 4, 30, 5, 0, null);
      Recommendation r = recommend(in, SupplyCondition.LICENCE_REQUIRED);

      // d = 0: mu_i = 0, sigma_i = sd*sqrt(m_i), so E[LTD] = 0 and ROP is the mixture's quantile.
      assertThat(r.expectedLeadTimeDemand()).isZero();
      assertThat(mixtureCdf(r, in, r.reorderPoint())).isCloseTo(0.95, within(1e-9));
      assertThat(r.reorderPoint()).isBetween(BufferModel.z(0.95) * 4 * Math.sqrt(93),
          BufferModel.z(0.95) * 4 * Math.sqrt(156));
      assertThat(r.safetyStock()).isCloseTo(r.reorderPoint(), EXACT);
      assertThat(r.status()).isEqualTo(PositionStatus.CRITICAL);
    }
  }

  @Nested
  @DisplayName("branches with no spread (steps)")
  class Steps {
    @Test
    @DisplayName("one step: no safety stock, the reorder point is d*L")
    void oneStep() {
      Recommendation r = recommend(position(900, 0, 10, 0, 30, 0, 0, null), SupplyCondition.NOT_CONTROLLED);

      assertThat(r.safetyStock()).isZero();
      assertThat(r.reorderPoint()).isCloseTo(300, EXACT);
      assertThat(r.status()).isEqualTo(PositionStatus.OK);
    }

    @Test
    @DisplayName("two steps: the quantile is the step where F passes alpha (0.8 at 930 < 0.95 <= 1 at 1560)")
    void twoSteps() {
      LicensingDelay exact = new LicensingDelay(63, 0, 0.2, 63);
      Recommendation r = BufferModel.recommend(position(900, 0, 10, 0, 30, 0, 0, null),
          SupplyCondition.LICENCE_REQUIRED, exact);

      assertThat(r.reorderPoint()).isEqualTo(1560);
      assertThat(r.expectedLeadTimeDemand()).isCloseTo(1056, EXACT);
      assertThat(r.safetyStock()).isCloseTo(504, EXACT);
      // At alpha 0.8 exactly F reaches alpha at the first step.
      Recommendation low = BufferModel.recommend(with(position(900, 0, 10, 0, 30, 0, 0, null), ServiceMeasure.CYCLE,
          0.8), SupplyCondition.LICENCE_REQUIRED, exact);
      assertThat(low.reorderPoint()).isEqualTo(930);
    }

    @Test
    @DisplayName("a step beside a normal branch: the quantile sits on the step when the jump passes alpha")
    void stepBesideNormal() {
      // Branch 1 (0.6) a step at 300 (sd 0, sL 0); branch 2 (0.4) LICENCE_REQUIRED with review spread.
      PositionInputs in = with(position(900, 0, 10, 0, 30, 0, 0, null), ServiceMeasure.CYCLE, 0.5);
      Recommendation r = BufferModel.recommend(in, SupplyCondition.LICENCE_REQUIRED,
          List.of(future(0.6, SupplyCondition.NOT_CONTROLLED), future(0.4, SupplyCondition.LICENCE_REQUIRED)));

      // F(300-) is ~0, F(300) = 0.6 >= 0.5: the quantile is the step.
      assertThat(r.reorderPoint()).isEqualTo(300);
      // Above the step's weight the quantile is in the normal branches, to 1e-6 kg.
      PositionInputs high = with(in, ServiceMeasure.CYCLE, 0.9);
      Recommendation h = BufferModel.recommend(high, SupplyCondition.LICENCE_REQUIRED,
          List.of(future(0.6, SupplyCondition.NOT_CONTROLLED), future(0.4, SupplyCondition.LICENCE_REQUIRED)));
      assertThat(mixtureCdf(h, high, h.reorderPoint())).isCloseTo(0.9, within(1e-9));
    }
  }

  @Test
  @DisplayName("a review period adds R days to every branch's mean demand and to the demand-variance term")
  void reviewPeriod() {
    PositionInputs in = position(900, 0, 10, 4, 30, 5, 7, null);
    Recommendation r = recommend(in, SupplyCondition.NOT_CONTROLLED);

    assertThat(r.normalLeadTimeDemand()).isCloseTo(10 * (30 + 7), EXACT);
    assertThat(r.safetyStock()).isCloseTo(BufferModel.z(0.95) * Math.sqrt(37 * 16 + 2500), within(1e-9));
    assertThat(r.reorderPoint()).isCloseTo(370 + r.safetyStock(), within(1e-9));

    Recommendation licensed = recommend(in, SupplyCondition.LICENCE_REQUIRED);
    assertThat(licensed.expectedLeadTimeDemand()).isCloseTo(10 * (105.6 + 7), within(1e-9));
    assertThat(licensed.normalLeadTimeDemand()).isCloseTo(370, EXACT);
    assertThat(mixtureCdf(licensed, in, licensed.reorderPoint())).isCloseTo(0.95, within(1e-9));
  }

  @Test
  @DisplayName("at alpha 0.5 a skewed mixture has a negative safety stock: the median is below the mean")
  void negativeSafetyStock() {
    PositionInputs in = with(workedExample(), ServiceMeasure.CYCLE, 0.5);
    Recommendation r = recommend(in, SupplyCondition.LICENCE_REQUIRED);

    assertThat(r.safetyStock()).isNegative();
    assertThat(r.reorderPoint()).isLessThan(1056);
    assertThat(mixtureCdf(r, in, r.reorderPoint())).isCloseTo(0.5, within(1e-9));
    // onHand 900 is above a negative safety stock, so not CRITICAL; still at or below the median.
    assertThat(r.status()).isEqualTo(PositionStatus.REORDER);
  }

  @Nested
  @DisplayName("a future without supply (PROHIBITED, no alternate source)")
  class WithoutSupply {
    @Test
    @DisplayName("alone: UNBUFFERABLE, no levels, and why")
    void unbufferable() {
      Recommendation r = recommend(workedExample(), SupplyCondition.PROHIBITED);

      assertThat(r.status()).isEqualTo(PositionStatus.UNBUFFERABLE);
      assertThat(r.safetyStock()).isNull();
      assertThat(r.reorderPoint()).isNull();
      assertThat(r.recommendedOrder()).isNull();
      assertThat(r.expectedLeadTimeDemand()).isNull();
      assertThat(r.riskDemand()).isNull();
      assertThat(r.daysOfCover()).isCloseTo(90, EXACT);
      assertThat(r.usedAlternate()).isFalse();
      assertThat(r.branches()).containsExactly(LeadTimeBranch.unsupplied(1));
      assertThat(r.branches().get(0).leadTimeMeanDays()).isNull();
      assertThat(r.unbufferableReason()).contains("prohibited", "no alternate source");
    }

    @Test
    @DisplayName("weighing below 1 - alpha (0.04 < 0.05): the rest carries the target, F(ROP) = alpha")
    void belowOneMinusAlpha() {
      PositionInputs in = workedExample();
      Recommendation r = BufferModel.recommend(in, SupplyCondition.NOT_CONTROLLED,
          List.of(future(0.96, SupplyCondition.NOT_CONTROLLED), future(0.04, SupplyCondition.PROHIBITED)));

      assertThat(r.status()).isNotEqualTo(PositionStatus.UNBUFFERABLE);
      assertThat(r.branches()).containsExactly(LeadTimeBranch.supplied(0.96, 30, 25), LeadTimeBranch.unsupplied(0.04));
      // 0.96 * Phi((x - 300)/54.59) = 0.95: Phi = 0.98958, z = 2.3119.
      assertThat(r.reorderPoint()).isCloseTo(300 + Math.sqrt(2980) * BufferModel.z(0.95 / 0.96), within(1e-9));
      assertThat(mixtureCdf(r, in, r.reorderPoint())).isCloseTo(0.95, within(1e-12));
      assertThat(r.expectedLeadTimeDemand()).isCloseTo(300, EXACT);
    }

    @Test
    @DisplayName("weighing below 1 - alpha beside two licensed branches: the root finder, F(ROP) = alpha")
    void belowOneMinusAlphaMixture() {
      PositionInputs in = workedExample();
      Recommendation r = BufferModel.recommend(in, SupplyCondition.LICENCE_REQUIRED,
          List.of(future(0.97, SupplyCondition.LICENCE_REQUIRED), future(0.03, SupplyCondition.PROHIBITED)));

      assertThat(mixtureCdf(r, in, r.reorderPoint())).isCloseTo(0.95, within(1e-9));
      assertThat(r.reorderPoint()).isGreaterThan(1642.60);
    }

    @Test
    @DisplayName("weighing 1 - alpha or more (0.05, 0.06): UNBUFFERABLE for CYCLE")
    void atOrAboveOneMinusAlpha() {
      for (double w : new double[] {0.05, 0.06}) {
        Recommendation r = BufferModel.recommend(workedExample(), SupplyCondition.NOT_CONTROLLED,
            List.of(future(1 - w, SupplyCondition.NOT_CONTROLLED), future(w, SupplyCondition.PROHIBITED)));

        assertThat(r.status()).as("weight %s", w).isEqualTo(PositionStatus.UNBUFFERABLE);
        assertThat(r.reorderPoint()).isNull();
        assertThat(r.unbufferableReason()).contains("1 - alpha = 5%");
      }
    }

    @Test
    @DisplayName("any weight at all: UNBUFFERABLE for FILL_RATE, the shortage is unbounded")
    void fillRate() {
      Recommendation r = BufferModel.recommend(with(workedExample(), ServiceMeasure.FILL_RATE, 0.95),
          SupplyCondition.NOT_CONTROLLED,
          List.of(future(0.99, SupplyCondition.NOT_CONTROLLED), future(0.01, SupplyCondition.PROHIBITED)));

      assertThat(r.status()).isEqualTo(PositionStatus.UNBUFFERABLE);
      assertThat(r.unbufferableReason()).contains("unbounded");
    }

    @Test
    @DisplayName("with an alternate source: planned on its lead time, no licensing even if a delay is handed in")
    void alternate() {
      PositionInputs in = position(900, 0, 10, 4, 30, 5, 0, new AlternateSource(50, 8));
      Recommendation r = BufferModel.recommend(in, SupplyCondition.PROHIBITED, REVIEW);

      assertThat(r.usedAlternate()).isTrue();
      assertThat(r.delay()).isEqualTo(LicensingDelay.NONE);
      assertThat(r.branches()).containsExactly(LeadTimeBranch.supplied(1, 50, 64));
      assertThat(r.safetyStock()).isCloseTo(BufferModel.z(0.95) * Math.sqrt(50 * 16 + 100 * 64), within(1e-9));
      assertThat(r.safetyStock()).isCloseTo(139.57, CENT);
      assertThat(r.reorderPoint()).isCloseTo(639.57, CENT);
      assertThat(r.normalLeadTimeDemand()).isCloseTo(500, EXACT);
      assertThat(r.riskDemand()).isZero();
      assertThat(r.status()).isEqualTo(PositionStatus.OK);
    }
  }

  @Nested
  @DisplayName("FILL_RATE")
  class FillRate {
    @Test
    @DisplayName("meets (1 - alpha)*Q of expected shortage per cycle at the reorder point, no less stock")
    void expectedShortageAtTheRoot() {
      PositionInputs in = with(workedExample(), ServiceMeasure.FILL_RATE, 0.98);
      Recommendation r = recommend(in, SupplyCondition.LICENCE_REQUIRED);

      assertThat(expectedShortage(r, in, r.reorderPoint())).isCloseTo(0.02 * 300, within(1e-6));
      assertThat(expectedShortage(r, in, r.reorderPoint() - 1e-3)).isGreaterThan(0.02 * 300);
    }

    @Test
    @DisplayName("a single NOT_CONTROLLED branch takes the root finder too, with the same target")
    void singleBranch() {
      PositionInputs in = with(workedExample(), ServiceMeasure.FILL_RATE, 0.98);
      Recommendation r = recommend(in, SupplyCondition.NOT_CONTROLLED);

      assertThat(expectedShortage(r, in, r.reorderPoint())).isCloseTo(6, within(1e-6));
      assertThat(r.reorderPoint()).isBetween(300.0, 389.79);
    }

    @Test
    @DisplayName("with a large Q the shortage allowed exceeds ESC(0): the reorder point clamps at 0")
    void clampsAtZero() {
      PositionInputs base = with(workedExample(), ServiceMeasure.FILL_RATE, 0.95);
      PositionInputs in = new PositionInputs(900, 0, 10, 4, 30, 5, ServiceMeasure.FILL_RATE, 0.95, 0, 100_000, null);
      Recommendation r = recommend(in, SupplyCondition.NOT_CONTROLLED);

      // ESC(0) is the mean, 300, against 0.05 * 100,000 = 5,000 allowed.
      assertThat(r.reorderPoint()).isZero();
      assertThat(r.safetyStock()).isCloseTo(-300, EXACT);
      assertThat(r.recommendedOrder()).isZero();
      assertThat(base.orderQuantity()).isEqualTo(300);
    }

    @Test
    @DisplayName("steps: ESC is piecewise linear, sum w_i max(mu_i - x, 0)")
    void steps() {
      PositionInputs in = new PositionInputs(900, 0, 10, 0, 30, 0, ServiceMeasure.FILL_RATE, 0.98, 0, 300, null);
      Recommendation r = BufferModel.recommend(in, SupplyCondition.LICENCE_REQUIRED, new LicensingDelay(63, 0, 0.2, 63));

      // 0.2 * (1560 - x) = 6 -> x = 1530 (above 930, where the first step stops counting).
      assertThat(r.reorderPoint()).isCloseTo(1530, within(1e-6));
    }

    private double expectedShortage(Recommendation r, PositionInputs in, double x) {
      double sum = 0;
      var normal = org.apache.commons.statistics.distribution.NormalDistribution.of(0, 1);
      for (LeadTimeBranch b : r.branches()) {
        double mu = in.demandMeanPerDay() * b.meanDays();
        double sigma = Math.sqrt(in.demandStdPerDay() * in.demandStdPerDay() * b.meanDays()
            + in.demandMeanPerDay() * in.demandMeanPerDay() * b.varianceDays2());
        double k = (x - mu) / sigma;
        sum += b.weight() * sigma * (normal.density(k) - k * (1 - normal.cumulativeProbability(k)));
      }
      return sum;
    }
  }

  @Nested
  @DisplayName("futures")
  class Futures {
    @Test
    @DisplayName("two suspensions split four futures with product weights, and their branches follow in order")
    void productWeights() {
      // q1 = 0.3, q2 = 0.5: extended/extended 0.15, extended/ends 0.15, ends/extended 0.35, ends/ends 0.35.
      List<RegimeFuture> futures = List.of(future(0.3 * 0.5, SupplyCondition.NOT_CONTROLLED),
          future(0.3 * 0.5, SupplyCondition.COVERED), future(0.7 * 0.5, SupplyCondition.LICENCE_REQUIRED),
          future(0.7 * 0.5, SupplyCondition.LICENCE_REQUIRED));
      PositionInputs in = workedExample();
      Recommendation r = BufferModel.recommend(in, SupplyCondition.LICENCE_REQUIRED, futures);

      assertThat(r.futures()).isEqualTo(futures);
      assertThat(r.branches()).hasSize(6);
      assertThat(r.branches().stream().mapToDouble(LeadTimeBranch::weight).sum()).isCloseTo(1, EXACT);
      assertThat(r.expectedLeadTimeDemand())
          .isCloseTo(0.15 * 300 + 0.15 * 350 + 0.7 * 1056, within(1e-9));
      assertThat(mixtureCdf(r, in, r.reorderPoint())).isCloseTo(0.95, within(1e-9));
      // The two LICENCE_REQUIRED futures together are the same as one of weight 0.7.
      Recommendation merged = BufferModel.recommend(in, SupplyCondition.LICENCE_REQUIRED, List.of(
          future(0.15, SupplyCondition.NOT_CONTROLLED), future(0.15, SupplyCondition.COVERED),
          future(0.7, SupplyCondition.LICENCE_REQUIRED)));
      assertThat(r.reorderPoint()).isCloseTo(merged.reorderPoint(), within(1e-6));
    }

    @Test
    @DisplayName("weights that do not add to 1 are refused")
    void weightsAddToOne() {
      assertThatThrownBy(() -> BufferModel.recommend(workedExample(), SupplyCondition.NOT_CONTROLLED,
          List.of(future(0.5, SupplyCondition.NOT_CONTROLLED), future(0.4, SupplyCondition.COVERED))))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("add to 1");
    }

    @Test
    @DisplayName("a denial probability of 0 leaves no weight-zero branch")
    void noWeightZeroBranch() {
      Recommendation r = BufferModel.recommend(workedExample(), SupplyCondition.LICENCE_REQUIRED,
          new LicensingDelay(63, 10, 0, 63));

      assertThat(r.branches()).containsExactly(LeadTimeBranch.supplied(1, 93, 125));
    }
  }

  @Nested
  @DisplayName("status, first match wins")
  class Status {
    // NOT_CONTROLLED worked example: SS 89.79, ROP 389.79.

    @Test
    @DisplayName("on hand below the safety stock is CRITICAL even though the position is also below its reorder point")
    void criticalBeforeReorder() {
      Recommendation r = recommend(position(80, 0, 10, 4, 30, 5, 0, null), SupplyCondition.NOT_CONTROLLED);

      assertThat(r.reorderPoint()).isGreaterThan(80);
      assertThat(r.status()).isEqualTo(PositionStatus.CRITICAL);
      assertThat(r.recommendedOrder()).isCloseTo(389.79 + 300 - 80, CENT);
    }

    @Test
    @DisplayName("on hand below the safety stock is CRITICAL even when enough is on order")
    void criticalDespiteOrders() {
      Recommendation r = recommend(position(80, 1000, 10, 4, 30, 5, 0, null), SupplyCondition.NOT_CONTROLLED);

      assertThat(r.status()).isEqualTo(PositionStatus.CRITICAL);
      assertThat(r.recommendedOrder()).isZero();
    }

    @Test
    @DisplayName("an inventory position at the reorder point is REORDER")
    void reorderAtTheReorderPoint() {
      double reorderPoint = recommend(workedExample(), SupplyCondition.NOT_CONTROLLED).reorderPoint();
      Recommendation r = recommend(position(reorderPoint, 0, 10, 4, 30, 5, 0, null), SupplyCondition.NOT_CONTROLLED);

      assertThat(r.status()).isEqualTo(PositionStatus.REORDER);
      assertThat(r.recommendedOrder()).isCloseTo(300, within(1e-9));
    }

    @Test
    @DisplayName("stock on order counts in the inventory position")
    void onOrderCounts() {
      Recommendation without = recommend(position(200, 0, 10, 4, 30, 5, 0, null), SupplyCondition.NOT_CONTROLLED);
      Recommendation with = recommend(position(200, 190, 10, 4, 30, 5, 0, null), SupplyCondition.NOT_CONTROLLED);

      assertThat(without.status()).isEqualTo(PositionStatus.REORDER);
      assertThat(without.recommendedOrder()).isCloseTo(389.79 + 300 - 200, CENT);
      assertThat(with.status()).isEqualTo(PositionStatus.OK);
      assertThat(with.recommendedOrder()).isZero();
    }

    @Test
    @DisplayName("an inventory position just above the reorder point is OK")
    void okAboveTheReorderPoint() {
      double reorderPoint = recommend(workedExample(), SupplyCondition.NOT_CONTROLLED).reorderPoint();
      Recommendation r = recommend(position(reorderPoint + 0.01, 0, 10, 4, 30, 5, 0, null),
          SupplyCondition.NOT_CONTROLLED);

      assertThat(r.status()).isEqualTo(PositionStatus.OK);
      assertThat(r.recommendedOrder()).isZero();
    }

    @Test
    @DisplayName("with 100,000 kg on hand the LICENCE_REQUIRED worked example is OK")
    void licenceRequiredOk() {
      Recommendation r = recommend(position(100_000, 0, 10, 4, 30, 5, 0, null), SupplyCondition.LICENCE_REQUIRED);

      assertThat(r.status()).isEqualTo(PositionStatus.OK);
    }
  }
}
