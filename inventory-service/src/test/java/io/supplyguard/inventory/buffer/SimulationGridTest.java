package io.supplyguard.inventory.buffer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A reduced grid of docs/buffer-model-validation.md, one order outstanding at a time: the achieved
 * cycle service level within 1 point of its target, the fill rate within 0.5. The cases are those
 * where a normal approximation of the lead-time mixture (version 1) falls short.
 */
class SimulationGridTest {
  private static final int REPLICATIONS = 1000;

  static List<SimulationGrid.Case> cases() {
    return List.of(
        new SimulationGrid.Case(SimulationGrid.Supply.LICENCE_REQUIRED, ServiceMeasure.CYCLE, 0.95, true),
        new SimulationGrid.Case(SimulationGrid.Supply.FUTURES_Q05, ServiceMeasure.CYCLE, 0.90, true),
        new SimulationGrid.Case(SimulationGrid.Supply.NOT_CONTROLLED, ServiceMeasure.CYCLE, 0.98, true),
        new SimulationGrid.Case(SimulationGrid.Supply.LICENCE_REQUIRED, ServiceMeasure.FILL_RATE, 0.98, true));
  }

  @DisplayName("the recommended policy achieves its target, one order outstanding at a time")
  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void achievesTheTarget(SimulationGrid.Case c) {
    SimulationGrid.Row row = SimulationGrid.run(c, REPLICATIONS);

    assertThat(row.result().cycles()).isGreaterThan(9_000);
    assertThat(row.achieved().mean()).as("%s: achieved %s, ROP %.2f", c.name(), row.achieved(),
        row.recommendation().reorderPoint()).isCloseTo(c.target(), org.assertj.core.api.Assertions.within(row.tolerance()));
  }
}
