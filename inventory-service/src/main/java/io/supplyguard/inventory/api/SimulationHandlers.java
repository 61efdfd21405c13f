package io.supplyguard.inventory.api;

import io.supplyguard.common.bus.BusRequest;
import io.supplyguard.common.bus.FailureCode;
import io.supplyguard.common.bus.ServiceException;
import io.supplyguard.inventory.buffer.Estimate;
import io.supplyguard.inventory.buffer.SimulationRefusal;
import io.supplyguard.inventory.buffer.Simulation;
import io.supplyguard.inventory.buffer.SimulationRequest;
import io.supplyguard.inventory.buffer.SimulationResult;
import io.supplyguard.inventory.position.PositionKey;
import io.supplyguard.inventory.recompute.Recomputer;
import io.supplyguard.inventory.recompute.Recommender;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A seeded Monte Carlo of a position under its recommended policy and the licensing delays
 * its condition implies: does the buffer deliver the service level it promises?
 */
final class SimulationHandlers {
  private final Vertx vertx;
  private final PositionHandlers positions;
  private final Recomputer recomputer;
  private final Clock clock;

  SimulationHandlers(Vertx vertx, PositionHandlers positions, Recomputer recomputer, Clock clock) {
    this.vertx = vertx;
    this.positions = positions;
    this.recomputer = recomputer;
    this.clock = clock;
  }

  Future<JsonObject> simulate(BusRequest request) {
    PositionKey key = PositionHandlers.key(request, request.requireTenant());
    JsonObject in = request.body();
    LocalDate asOf = AsOf.of(in, clock);
    int days = in.getInteger("horizonDays", 365);
    int runs = in.getInteger("replications", 500);
    long seedValue = in.getLong("seed", 1L);
    return positions.find(key)
        .compose(p -> recomputer.compute(List.of(p), asOf, null, request.requestId()))
        .compose(computed -> {
          Recommender.Computed c = computed.get(0);
          Optional<SimulationRefusal> refused = SimulationRefusal.of(c.position().inputs(), c.recommendation());
          if (refused.isPresent()) {
            throw refusal(refused.get());
          }
          SimulationRequest run = SimulationRequest.of(c.position().inputs(), c.recommendation(), days, runs, seedValue);
          // Thousands of simulated days: keep them off the event loop.
          return vertx.executeBlocking(() -> Simulation.run(run), false).map(result -> json(asOf, run, c, result));
        });
  }

  private static ServiceException refusal(SimulationRefusal why) {
    return new ServiceException(FailureCode.CONFLICT, switch (why) {
      case UNBUFFERABLE -> "The position is UNBUFFERABLE: its supply is prohibited and it has no alternate source"
          + " to simulate.";
      case ORDERS_NOTHING -> "The position orders nothing (no demand and no orderQuantity): there is no policy to"
          + " simulate.";
    });
  }

  private static JsonObject json(LocalDate asOf, SimulationRequest run, Recommender.Computed c, SimulationResult r) {
    return new JsonObject()
        .put("asOf", asOf.toString())
        .put("horizonDays", run.horizonDays())
        .put("replications", run.replications())
        .put("seed", run.seed())
        .put("condition", c.recommendation().condition().name())
        .put("targetServiceLevel", c.position().inputs().serviceLevel())
        .put("policy", new JsonObject()
            .put("reorderPoint", c.recommendation().reorderPoint())
            .put("orderQuantity", c.position().inputs().orderQuantity())
            .put("reviewPeriodDays", c.position().inputs().reviewPeriodDays()))
        .put("cycleServiceLevel", estimate(r.cycleServiceLevel()))
        .put("fillRate", estimate(r.fillRate()))
        .put("stockoutProbability", estimate(r.stockoutProbability()))
        .put("cycles", r.cycles());
  }

  private static JsonObject estimate(Estimate e) {
    return e == null ? null : new JsonObject().put("estimate", e.mean()).put("low", e.lower()).put("high", e.upper());
  }
}
