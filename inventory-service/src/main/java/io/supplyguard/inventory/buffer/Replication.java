package io.supplyguard.inventory.buffer;

/**
 * One simulated path of a position, a day at a time. Each day: what arrives is received (a new
 * replenishment cycle starts), the day's demand is served from stock or backordered, and on a
 * review day an order is placed when the inventory position is at or below the reorder point.
 * An order placed at the end of day t with a lead time of n days arrives at the start of day
 * t + 1 + n, so exactly n days of demand fall between the order and its arrival, as in the model.
 */
final class Replication {
  private final SimulationRequest request;
  private final SimulationDraws draws;

  Replication(SimulationRequest request, SimulationDraws draws) {
    this.request = request;
    this.draws = draws;
  }

  Outcome run() {
    int horizon = request.horizonDays();
    SimulationPolicy policy = request.policy();
    int reviewEvery = policy.reviewEveryDays();
    double[] arriving = new double[horizon];
    // Net stock: on hand minus backorders.
    double net = request.inputs().onHand();
    double onOrder = 0;
    // When the stock already on order was placed is unknown: take it as placed today.
    if (request.inputs().onOrder() > 0) {
      onOrder = request.inputs().onOrder();
      schedule(arriving, 0, draws.leadTimeDays(), onOrder);
    }

    double demand = 0;
    double metFromStock = 0;
    // The same over whole cycles only, as the cycle service level is: what the model promises.
    double cycleDemand = 0;
    double cycleMet = 0;
    double demandInCycles = 0;
    double metInCycles = 0;
    boolean anyStockout = false;
    int cycles = 0;
    int cyclesWithoutStockout = 0;
    boolean inCycle = false;
    boolean cycleHadStockout = false;

    for (int day = 0; day < horizon; day++) {
      if (arriving[day] > 0) {
        net += arriving[day];
        onOrder -= arriving[day];
        // The stretch before the first arrival is not a cycle: its stock was not set by the policy.
        if (inCycle) {
          cycles++;
          cyclesWithoutStockout += cycleHadStockout ? 0 : 1;
          demandInCycles += cycleDemand;
          metInCycles += cycleMet;
        }
        inCycle = true;
        cycleHadStockout = false;
        cycleDemand = 0;
        cycleMet = 0;
      }

      double today = draws.demand();
      double met = Math.min(today, Math.max(net, 0));
      demand += today;
      metFromStock += met;
      cycleDemand += today;
      cycleMet += met;
      net -= today;
      if (net < 0) {
        anyStockout = true;
        cycleHadStockout = true;
      }

      if (day % reviewEvery == 0) {
        double inventoryPosition = net + onOrder;
        if (inventoryPosition <= policy.reorderPoint()) {
          double quantity = policy.reorderPoint() + policy.orderQuantity() - inventoryPosition;
          onOrder += quantity;
          schedule(arriving, day + 1, draws.leadTimeDays(), quantity);
        }
      }
    }
    // The cycle still open at the horizon is censored and would flatter the service level.
    // The fill rate over whole cycles; over the horizon when there is none. The stretch before the
    // first arrival (stock not set by the policy) and the open cycle at the end (its shortage, at
    // the end of the cycle, mostly not yet reached) would flatter it.
    double fillRate = demandInCycles > 0 ? metInCycles / demandInCycles : demand > 0 ? metFromStock / demand : 1;
    return new Outcome(cycles, cyclesWithoutStockout, fillRate, anyStockout);
  }

  /**
   * Orders due after the horizon stay on order and are simply never received; so does an order
   * whose branch has no supply.
   */
  private static void schedule(double[] arriving, int firstDay, long leadTimeDays, double quantity) {
    if (leadTimeDays == SimulationDraws.NEVER) {
      return;
    }
    long arrival = firstDay + leadTimeDays;
    if (arrival < arriving.length) {
      arriving[(int) arrival] += quantity;
    }
  }

  record Outcome(int cycles, int cyclesWithoutStockout, double fillRate, boolean anyStockout) {
  }
}
