package io.supplyguard.inventory.buffer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The promise checked (docs/buffer-model-validation.md): positions under every condition and the
 * two futures of a suspension with q = 0.5, at CYCLE 0.90/0.95/0.98 and FILL_RATE 0.95/0.98, with
 * one order outstanding at a time and with several, each simulated under its own recommendation
 * with a fixed seed. SimulationGridTest runs a reduced grid; SimulationGridReport prints the whole.
 */
final class SimulationGrid {
  static final int HORIZON_DAYS = 3650;
  static final long SEED = 20261130L;
  /** The review time of the worked example: 63 calendar days. */
  static final double T = 63;
  /** Tolerances when one order is outstanding at a time, in shares. */
  static final double CYCLE_TOLERANCE = 0.01;
  static final double FILL_RATE_TOLERANCE = 0.005;

  private SimulationGrid() {
  }

  /** Where supply comes from in a case. */
  enum Supply {
    NOT_CONTROLLED, COVERED, LICENCE_REQUIRED, PROHIBITED_ALTERNATE, FUTURES_Q05;

    SupplyCondition reported() {
      return switch (this) {
        case NOT_CONTROLLED -> SupplyCondition.NOT_CONTROLLED;
        case COVERED -> SupplyCondition.COVERED;
        case LICENCE_REQUIRED, FUTURES_Q05 -> SupplyCondition.LICENCE_REQUIRED;
        case PROHIBITED_ALTERNATE -> SupplyCondition.PROHIBITED;
      };
    }

    List<RegimeFuture> futures() {
      if (this == FUTURES_Q05) {
        // A suspension with renewalProbability 0.5 ends inside the horizon: extended, the position is
        // NOT_CONTROLLED; ending as announced, LICENCE_REQUIRED.
        return List.of(new RegimeFuture(0.5, SupplyCondition.NOT_CONTROLLED, LicensingDelay.NONE),
            new RegimeFuture(0.5, SupplyCondition.LICENCE_REQUIRED, delay(SupplyCondition.LICENCE_REQUIRED)));
      }
      return List.of(RegimeFuture.certain(reported(), delay(reported())));
    }

    /** Days in which nearly every lead time of the supply falls: its longest branch's mean + 5 std. */
    double longestLeadTimeDays() {
      return switch (this) {
        case NOT_CONTROLLED -> 60 + 5 * 20;
        case COVERED -> 65 + 5 * Math.sqrt(404);
        case LICENCE_REQUIRED, FUTURES_Q05 -> 186 + 5 * Math.sqrt(500);
        case PROHIBITED_ALTERNATE -> 90 + 5 * 30;
      };
    }

    private static LicensingDelay delay(SupplyCondition condition) {
      return LicensingDelay.of(condition, T, BufferParameters.DEFAULTS);
    }
  }

  /**
   * One case: d 10, sd 3, L 60, sL 20, R 0 (continuous review), alternate source 90 ± 30 days,
   * T 63, p 0.2, sG 10; Q of 30 days of demand (several orders outstanding) or longer than the
   * longest lead time (one at a time).
   */
  record Case(Supply supply, ServiceMeasure measure, double target, boolean oneOutstanding) {

    PositionInputs inputs(double onHand) {
      return new PositionInputs(onHand, 0, 10, 3, 60, 20, measure, target, 0, orderQuantity(),
          new AlternateSource(90, 30));
    }

    double orderQuantity() {
      return oneOutstanding ? 10 * Math.ceil(supply.longestLeadTimeDays() / 10) * 10 : 300;
    }

    String name() {
      return supply + " " + measure + " " + target + (oneOutstanding ? " Q=" + (int) orderQuantity() : " Q=300");
    }
  }

  record Row(Case c, Recommendation recommendation, SimulationResult result) {
    Estimate achieved() {
      return c.measure() == ServiceMeasure.CYCLE ? result.cycleServiceLevel() : result.fillRate();
    }

    double tolerance() {
      return c.measure() == ServiceMeasure.CYCLE ? CYCLE_TOLERANCE : FILL_RATE_TOLERANCE;
    }

    /** Within tolerance of the target; always true with several outstanding, which is reported as is. */
    boolean holds() {
      return !c.oneOutstanding() || Math.abs(achieved().mean() - c.target()) <= tolerance();
    }

    String line() {
      Estimate a = achieved();
      return String.format(Locale.ROOT, "| %s | %s | %.2f | %.0f | %.2f | %.4f | [%.4f, %.4f] | %+.2f pp | %s | %d |",
          c.supply(), c.measure(), c.target(), c.orderQuantity(), recommendation.reorderPoint(), a.mean(), a.lower(),
          a.upper(), 100 * (a.mean() - c.target()), c.oneOutstanding() ? "one" : "several", result.cycles());
    }
  }

  static final String HEADER = """
      | supply | measure | target | Q kg | ROP kg | achieved | 95% interval | achieved - target | orders outstanding | cycles |
      |---|---|---|---|---|---|---|---|---|---|""";

  /** The whole grid: 25 cases one order at a time, 10 with several. */
  static List<Case> full() {
    List<Case> cases = new ArrayList<>();
    for (boolean one : new boolean[] {true, false}) {
      for (Supply s : Supply.values()) {
        for (double t : one ? new double[] {0.90, 0.95, 0.98} : new double[] {0.95}) {
          cases.add(new Case(s, ServiceMeasure.CYCLE, t, one));
        }
        for (double t : one ? new double[] {0.95, 0.98} : new double[] {0.98}) {
          cases.add(new Case(s, ServiceMeasure.FILL_RATE, t, one));
        }
      }
    }
    return cases;
  }

  /**
   * One case under its own recommendation; the position starts with ROP + Q on hand, as if an
   * order had just arrived, so that the first cycle is like the others.
   */
  static Row run(Case c, int replications) {
    Recommendation probe = BufferModel.recommend(c.inputs(0), c.supply().reported(), c.supply().futures());
    PositionInputs in = c.inputs(Math.max(0, probe.reorderPoint()) + c.orderQuantity());
    Recommendation recommendation = BufferModel.recommend(in, c.supply().reported(), c.supply().futures());
    SimulationResult result = Simulation.run(SimulationRequest.of(in, recommendation, HORIZON_DAYS, replications,
        SEED));
    return new Row(c, recommendation, result);
  }
}
