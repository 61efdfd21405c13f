package io.supplyguard.inventory.api;

import io.micrometer.core.instrument.MeterRegistry;
import io.supplyguard.common.bus.Addresses;
import io.supplyguard.common.bus.BusClient;
import io.supplyguard.common.bus.BusContract;
import io.supplyguard.common.bus.BusServer;
import io.supplyguard.common.time.DailyTicker;
import io.supplyguard.inventory.alerts.AlertOutbox;
import io.supplyguard.inventory.config.InventorySettings;
import io.supplyguard.inventory.metrics.InventoryMetrics;
import io.supplyguard.inventory.recompute.ChangeListener;
import io.supplyguard.inventory.recompute.FaultPoint;
import io.supplyguard.inventory.recompute.RecomputeWorker;
import io.supplyguard.inventory.recompute.ReplicaName;
import io.supplyguard.inventory.recompute.Recomputer;
import io.supplyguard.inventory.recompute.Recommender;
import io.supplyguard.inventory.recompute.SupplyConditions;
import io.supplyguard.inventory.store.RecomputeQueue;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.sqlclient.Pool;
import java.time.Clock;

/**
 * The inventory-service on the bus: catalogue, sites, positions, recommendations, alerts and
 * scenarios; and the listener that recomputes what every published change reaches.
 */
public final class InventoryVerticle extends VerticleBase {
  private final Pool pool;
  private final InventorySettings settings;
  private final Clock clock;
  private final MeterRegistry registry;
  private BusServer bus;
  private ChangeListener changes;
  private RecomputeWorker worker;
  private AlertOutbox outbox;
  private DailyTicker daily;
  private long metricsTimer;

  public InventoryVerticle(Pool pool, InventorySettings settings, Clock clock, MeterRegistry registry) {
    this.pool = pool;
    this.settings = settings;
    this.clock = clock;
    this.registry = registry;
  }

  @Override
  public Future<?> start() {
    return BusContract.load(vertx).compose(this::start);
  }

  private Future<?> start(BusContract contract) {
    InventoryMetrics metrics = new InventoryMetrics(registry);
    InventorySettings.Timers timers = settings.timers();
    outbox = new AlertOutbox(vertx, pool, metrics, timers.busTimeout(), timers.alertDeliveryRetry());
    Recomputer recomputer = new Recomputer(pool, new SupplyConditions(new BusClient(vertx, timers.busTimeout())), new Recommender(settings.buffer()),
        metrics, outbox, new FaultPoint(settings.faultHaltAt()));
    InventorySettings.Recompute shared = settings.recompute();
    worker = new RecomputeWorker(vertx, pool, recomputer, metrics, new RecomputeWorker.Settings(
        new RecomputeQueue.Claimant(ReplicaName.of(), shared.lease(), shared.partSize()), shared.partsInFlight(),
        shared.poll()));

    CatalogueHandlers catalogue = new CatalogueHandlers(pool);
    TenantQueries tenant = new TenantQueries(pool);
    PositionHandlers position = new PositionHandlers(pool, recomputer, clock,
        settings.positionDefaults().serviceLevel(), settings.positionDefaults().orderDays());
    ScenarioHandlers scenarios = new ScenarioHandlers(pool, recomputer, clock);
    RegimeChangeScenario regimeChange = new RegimeChangeScenario(pool, recomputer, clock);
    SimulationHandlers simulations = new SimulationHandlers(vertx, position, recomputer, clock);

    bus = new BusServer(vertx).validatedBy(contract)
        .handle(Addresses.MATERIALS_LIST, catalogue::list)
        .handle(Addresses.MATERIALS_GET, catalogue::get)
        .handle(Addresses.MATERIALS_CREATE, catalogue::create)
        .handle(Addresses.SITES_CREATE, tenant::createSite)
        .handle(Addresses.SITES_LIST, tenant::listSites)
        .handle(Addresses.POSITIONS_UPSERT, position::upsert)
        .handle(Addresses.POSITIONS_GET, position::get)
        .handle(Addresses.RECOMMENDATION_GET, position::recommendation)
        .handle(Addresses.RECOMMENDATIONS_LIST, tenant::listRecommendations)
        .handle(Addresses.ALERTS_LIST, tenant::listAlerts)
        .handle(Addresses.SCENARIOS_RUN, scenarios::run)
        .handle(Addresses.SCENARIOS_REGIME_CHANGE, regimeChange::run)
        .handle(Addresses.POSITIONS_SIMULATE, simulations::simulate);
    changes = new ChangeListener(vertx, pool, worker, clock);
    daily = new DailyTicker(vertx, clock, timers.timeTick(), "Daily recompute", changes::recomputeStale);
    metricsTimer = vertx.setPeriodic(timers.metricsRefresh().toMillis(), t -> metrics.refresh(pool));
    // The first day's recompute can take seconds with many positions: the service is ready
    // before it ends, serving the recommendations stored until then.
    return Future.all(bus.ready(), changes.start()).onSuccess(v -> {
      outbox.start();
      worker.start();
      daily.start();
    });
  }

  @Override
  public Future<?> stop() {
    daily.stop();
    vertx.cancelTimer(metricsTimer);
    // Parts in hand are stored before the pool closes; what they raise is delivered by the
    // next replica to deliver, or this one's next start.
    return Future.all(changes.stop(), bus.drain(settings.timers().shutdownGrace()), worker.stop())
        .onComplete(v -> outbox.stop());
  }
}
