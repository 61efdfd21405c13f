package io.supplyguard.inventory.buffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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

  /** d 10, sd 4, L 30, sL 5, alpha 0.95, R 0, Q 300, onHand 900, onOrder 0. */
  private static PositionInputs workedExample() {
    return position(900, 0, 10, 4, 30, 5, 0, null);
  }

  private static PositionInputs position(double onHand, double onOrder, double d, double sd, double leadTime,
      double leadTimeStd, double reviewPeriod, AlternateSource alternate) {
    return new PositionInputs(onHand, onOrder, d, sd, leadTime, leadTimeStd, 0.95, reviewPeriod, 300, alternate);
  }

  private static Recommendation recommend(PositionInputs in, SupplyCondition condition) {
    return BufferModel.recommend(in, condition, LicensingDelay.of(condition, T, BufferParameters.DEFAULTS));
  }

  @Nested
  @DisplayName("the worked example of docs/buffer-model.md")
  class WorkedExample {
    @Test
    @DisplayName("LICENCE_REQUIRED comes out to the cent: SS 458.48, ROP 1514.48, order 914.48, REORDER")
    void licenceRequired() {
      Recommendation r = recommend(workedExample(), SupplyCondition.LICENCE_REQUIRED);

      assertThat(r.leadTimeMean()).isCloseTo(105.6, EXACT);
      assertThat(r.leadTimeVariance()).isCloseTo(760.04, within(1e-9));
      assertThat(r.z()).isCloseTo(1.644854, within(5e-7));
      assertThat(r.safetyStock()).isCloseTo(458.48, CENT);
      assertThat(r.reorderPoint()).isCloseTo(1514.48, CENT);
      assertThat(r.recommendedOrder()).isCloseTo(914.48, CENT);
      assertThat(r.status()).isEqualTo(PositionStatus.REORDER);
      assertThat(r.daysOfCover()).isCloseTo(90, EXACT);
      assertThat(r.usedAlternate()).isFalse();
    }

    @Test
    @DisplayName("LICENCE_REQUIRED splits its reorder point into lead-time demand, licensing demand and safety stock")
    void reorderPointSplit() {
      Recommendation r = recommend(workedExample(), SupplyCondition.LICENCE_REQUIRED);

      assertThat(r.leadTimeDemand()).as("d*(L+R)").isCloseTo(300, EXACT);
      assertThat(r.licensingDemand()).as("d*(muG + p*T)").isCloseTo(756, EXACT);
      assertThat(r.leadTimeDemand() + r.licensingDemand() + r.safetyStock()).isCloseTo(r.reorderPoint(), EXACT);
    }

    @Test
    @DisplayName("NOT_CONTROLLED needs only SS 89.79 and ROP 389.79, so 900 on hand is OK with no order")
    void notControlled() {
      Recommendation r = recommend(workedExample(), SupplyCondition.NOT_CONTROLLED);

      assertThat(r.leadTimeMean()).isCloseTo(30, EXACT);
      assertThat(r.leadTimeVariance()).isCloseTo(25, EXACT);
      assertThat(r.safetyStock()).isCloseTo(89.79, CENT);
      assertThat(r.reorderPoint()).isCloseTo(389.79, CENT);
      assertThat(r.recommendedOrder()).isZero();
      assertThat(r.status()).isEqualTo(PositionStatus.OK);
      assertThat(r.daysOfCover()).isCloseTo(90, EXACT);
      assertThat(r.licensingDemand()).isZero();
    }
  }

  @Test
  @DisplayName("COVERED adds the 5-day mean and 2-day std of the covered delay and no denial risk")
  void covered() {
    Recommendation r = recommend(workedExample(), SupplyCondition.COVERED);

    assertThat(r.delay()).isEqualTo(new LicensingDelay(5, 2, 0, 0));
    assertThat(r.leadTimeMean()).isCloseTo(35, EXACT);
    assertThat(r.leadTimeVariance()).isCloseTo(25 + 4, EXACT);
    // 1.644854 * sqrt(35*16 + 100*29)
    assertThat(r.safetyStock()).isCloseTo(1.6448536269514722 * Math.sqrt(3460), within(1e-9));
    assertThat(r.licensingDemand()).isCloseTo(50, EXACT);
    assertThat(r.status()).isEqualTo(PositionStatus.OK);
  }

  @Nested
  @DisplayName("without demand")
  class ZeroDemand {
    @Test
    @DisplayName("there is no safety stock when demand is constant at zero, and no days of cover")
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
    @DisplayName("a mean of zero leaves only the demand noise over the lead time in the safety stock")
    void demandNoiseOnly() {
      Recommendation r = recommend(position(0, 0, 0, 4, 30, 5, 0, null), SupplyCondition.LICENCE_REQUIRED);

      // d = 0 removes d^2*varLT: SS = z * sd * sqrt(muLT), whatever the lead-time variance.
      assertThat(r.safetyStock()).isCloseTo(r.z() * 4 * Math.sqrt(105.6), within(1e-9));
      assertThat(r.reorderPoint()).isCloseTo(r.safetyStock(), EXACT);
      assertThat(r.status()).isEqualTo(PositionStatus.CRITICAL);
    }
  }

  @Test
  @DisplayName("with no variance anywhere a NOT_CONTROLLED position needs no safety stock")
  void zeroVariance() {
    Recommendation r = recommend(position(900, 0, 10, 0, 30, 0, 0, null), SupplyCondition.NOT_CONTROLLED);

    assertThat(r.safetyStock()).isZero();
    assertThat(r.reorderPoint()).isCloseTo(300, EXACT);
    assertThat(r.status()).isEqualTo(PositionStatus.OK);
  }

  @Test
  @DisplayName("a review period adds R days to the lead-time demand and to the demand-variance term")
  void reviewPeriod() {
    Recommendation r = recommend(position(900, 0, 10, 4, 30, 5, 7, null), SupplyCondition.NOT_CONTROLLED);

    assertThat(r.leadTimeDemand()).isCloseTo(10 * (30 + 7), EXACT);
    // (muLT + R) * sd^2 + d^2 * varLT = 37*16 + 100*25; R adds nothing to the lead-time variance.
    assertThat(r.leadTimeVariance()).isCloseTo(25, EXACT);
    assertThat(r.safetyStock()).isCloseTo(r.z() * Math.sqrt(37 * 16 + 2500), within(1e-9));
    assertThat(r.reorderPoint()).isCloseTo(370 + r.safetyStock(), EXACT);
  }

  @Nested
  @DisplayName("a PROHIBITED position")
  class Prohibited {
    @Test
    @DisplayName("without an alternate source is UNBUFFERABLE and has no levels")
    void unbufferable() {
      Recommendation r = recommend(workedExample(), SupplyCondition.PROHIBITED);

      assertThat(r.status()).isEqualTo(PositionStatus.UNBUFFERABLE);
      assertThat(r.safetyStock()).isNull();
      assertThat(r.reorderPoint()).isNull();
      assertThat(r.recommendedOrder()).isNull();
      assertThat(r.usedAlternate()).isFalse();
    }

    @Test
    @DisplayName("with an alternate source plans on its lead time, with no licensing delay and no denial")
    void alternate() {
      PositionInputs in = position(900, 0, 10, 4, 30, 5, 0, new AlternateSource(50, 8));
      // Even a licensing delay handed in by mistake must not reach the alternate path.
      Recommendation r = BufferModel.recommend(in, SupplyCondition.PROHIBITED,
          LicensingDelay.of(SupplyCondition.LICENCE_REQUIRED, T, BufferParameters.DEFAULTS));

      assertThat(r.usedAlternate()).isTrue();
      assertThat(r.delay()).isEqualTo(LicensingDelay.NONE);
      assertThat(r.leadTimeMean()).isCloseTo(50, EXACT);
      assertThat(r.leadTimeVariance()).isCloseTo(64, EXACT);
      assertThat(r.safetyStock()).isCloseTo(r.z() * Math.sqrt(50 * 16 + 100 * 64), within(1e-9));
      assertThat(r.leadTimeDemand()).isCloseTo(500, EXACT);
      assertThat(r.licensingDemand()).isZero();
      assertThat(r.reorderPoint()).isCloseTo(500 + r.safetyStock(), EXACT);
      assertThat(r.status()).isEqualTo(PositionStatus.OK);
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
  }
}
