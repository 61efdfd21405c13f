package io.supplyguard.inventory.buffer;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Monte Carlo check of a recommendation: how often a position following its policy actually runs
 * out. Replications run one after another on one seeded stream, so a seed always gives the same
 * result.
 */
public final class Simulation {
  private Simulation() {
  }

  public static SimulationResult run(SimulationRequest request) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(request.seed());
    SimulationDraws draws = new SimulationDraws(rng, request.inputs(), request.branches());
    Tally cycleServiceLevel = new Tally();
    Tally fillRate = new Tally();
    Tally stockout = new Tally();
    long cycles = 0;
    for (int i = 0; i < request.replications(); i++) {
      Replication.Outcome outcome = new Replication(request, draws).run();
      if (outcome.cycles() > 0) {
        cycleServiceLevel.add((double) outcome.cyclesWithoutStockout() / outcome.cycles());
      }
      fillRate.add(outcome.fillRate());
      stockout.add(outcome.anyStockout() ? 1 : 0);
      cycles += outcome.cycles();
    }
    return new SimulationResult(cycleServiceLevel.estimate(), fillRate.estimate(), stockout.estimate(), cycles);
  }
}
