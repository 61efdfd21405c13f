package io.supplyguard.inventory.buffer;

/**
 * What a position achieved under its policy, across replications.
 *
 * @param cycleServiceLevel share of replenishment cycles (from one arrival to the next) without a
 *     stockout; null when no replication lived through a whole cycle (the horizon is too short)
 * @param fillRate share of demand met from stock on the day it arose, over whole cycles (over the
 *     horizon in a replication that saw none)
 * @param stockoutProbability share of replications with at least one day ending with unmet demand
 * @param cycles the whole cycles observed, over all replications
 */
public record SimulationResult(Estimate cycleServiceLevel, Estimate fillRate, Estimate stockoutProbability,
    long cycles) {
}
