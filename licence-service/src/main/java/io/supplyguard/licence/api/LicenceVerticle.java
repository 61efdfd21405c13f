package io.supplyguard.licence.api;

import io.micrometer.core.instrument.MeterRegistry;
import io.supplyguard.common.bus.Addresses;
import io.supplyguard.common.bus.BusClient;
import io.supplyguard.common.bus.BusServer;
import io.supplyguard.common.time.DailyTicker;
import io.supplyguard.licence.config.LicenceSettings;
import io.supplyguard.licence.events.OutboxPublisher;
import io.supplyguard.licence.metrics.LicenceMetrics;
import io.supplyguard.licence.registry.WorkingDays;
import io.supplyguard.licence.store.AuditRepository;
import io.supplyguard.licence.store.DenialProbabilityRepository;
import io.supplyguard.licence.store.DenialRiskCache;
import io.supplyguard.licence.store.ListedPartyCache;
import io.supplyguard.licence.store.ListedPartyRepository;
import io.supplyguard.licence.store.LicenceRepository;
import io.supplyguard.licence.store.LicenceStats;
import io.supplyguard.licence.store.RegimeCache;
import io.supplyguard.licence.store.RegimeRepository;
import io.supplyguard.licence.store.Retention;
import io.supplyguard.licence.time.BoundaryProcessor;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The licence-service on the bus: every request/reply address of the regime and the licence
 * registry, the outbox publisher, the calendar's boundaries and the business gauges.
 */
public final class LicenceVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(LicenceVerticle.class);
  private static final Duration PURGE_EVERY = Duration.ofHours(1);
  private final Pool pool;
  private final LicenceSettings settings;
  private final Clock clock;
  private final MeterRegistry registry;
  private BusServer bus;
  private MessageConsumer<JsonObject> regimeChanges;
  private DailyTicker calendar;
  private long outboxTimer;
  private long metricsTimer;
  private long purgeTimer;

  public LicenceVerticle(Pool pool, LicenceSettings settings, Clock clock, MeterRegistry registry) {
    this.pool = pool;
    this.settings = settings;
    this.clock = clock;
    this.registry = registry;
  }

  @Override
  public Future<?> start() {
    RegimeRepository regimeRepository = new RegimeRepository(pool);
    LicenceRepository licenceRepository = new LicenceRepository(pool);
    AuditRepository audit = new AuditRepository(pool);
    RegimeCache regime = new RegimeCache(regimeRepository);
    OutboxPublisher outbox = new OutboxPublisher(vertx, pool, registry);
    WorkingDays workingDays = new WorkingDays(settings.review().holidays());

    RegimeQueries regimeQueries = new RegimeQueries(regime, audit, clock);
    RegimeAdmin regimeAdmin = new RegimeAdmin(pool, regimeRepository, regime, clock, outbox::flushSoon);
    SuspensionRenewal renewals = new SuspensionRenewal(pool, regimeRepository, regime, clock, outbox::flushSoon);
    LicenceHandlers licences = new LicenceHandlers(pool, licenceRepository, audit, regime, clock, workingDays,
        settings.review().workingDays(), outbox::flushSoon);
    Drawdowns drawdowns = new Drawdowns(pool, clock, outbox::flushSoon, registry);
    DenialProbabilityRepository denialRepository = new DenialProbabilityRepository(pool);
    DenialRiskCache denials = new DenialRiskCache(denialRepository, settings.risk().defaultDenialProbability());
    DenialProbabilities denialProbabilities = new DenialProbabilities(pool, denialRepository, denials, clock,
        outbox::flushSoon);
    ListedPartyRepository partyRepository = new ListedPartyRepository(pool);
    ListedPartyCache parties = new ListedPartyCache(partyRepository, settings.risk().screeningThreshold());
    ListedParties listedParties = new ListedParties(pool, partyRepository, parties, clock, outbox::flushSoon);
    Announcements announcements = new Announcements(pool, regimeRepository, regime,
        new RegistryListings(partyRepository), new BusClient(vertx, settings.timers().busTimeout()), clock,
        outbox::flushSoon);
    CheckHandlers checks = new CheckHandlers(regime, licenceRepository, clock, workingDays,
        settings.review().workingDays(), denials)
        .screening(parties, settings.review().watchListExtraWorkingDays());

    bus = new BusServer(vertx)
        .handleEncoded(Addresses.REGIME_ELEMENTS, regimeQueries::elements)
        .handleEncoded(Addresses.REGIME_MEASURES, regimeQueries::measures)
        .handle(Addresses.REGIME_MEASURE_GET, regimeQueries::measure)
        .handle(Addresses.REGIME_HISTORY, regimeQueries::history)
        .handle(Addresses.REGIME_MEASURE_CREATE, regimeAdmin::create)
        .handle(Addresses.REGIME_MEASURE_AMEND, regimeAdmin::amend)
        .handle(Addresses.REGIME_SUSPENSION_ADD, regimeAdmin::addSuspension)
        .handle(Addresses.REGIME_SUSPENSION_LIFT, regimeAdmin::liftSuspension)
        .handle(Addresses.REGIME_SUSPENSION_RENEWAL, renewals::set)
        .handle(Addresses.REGIME_ANNOUNCEMENT_APPLY, announcements::apply)
        .handle(Addresses.LICENCE_REGISTER, licences::register)
        .handle(Addresses.LICENCE_GET, licences::get)
        .handle(Addresses.LICENCE_LIST, licences::list)
        .handle(Addresses.LICENCE_TRANSITION, licences::transition)
        .handle(Addresses.LICENCE_DRAWDOWN, drawdowns::drawdown)
        .handle(Addresses.LICENCE_HISTORY, licences::history)
        .handle(Addresses.LICENCE_CHECK, checks::check)
        .handle(Addresses.SUPPLY_CONDITIONS, checks::conditions)
        .handle(Addresses.REGIME_DENIAL_PROBABILITIES, denialProbabilities::list)
        .handle(Addresses.REGIME_DENIAL_PROBABILITY_SET, denialProbabilities::set)
        .handle(Addresses.REGIME_LISTED_PARTIES, listedParties::list)
        .handle(Addresses.REGIME_LISTED_PARTIES_IMPORT, listedParties::importFile);
    // Another replica's change (or the calendar's) makes this replica's copy of the regime stale.
    regimeChanges = vertx.eventBus().consumer(Addresses.REGIME_CHANGED, event -> {
      regime.invalidate();
      denials.invalidate();
      parties.invalidate();
    });

    outboxTimer = vertx.setPeriodic(settings.timers().outboxFlush().toMillis(), t -> outbox.flush());
    Retention retention = new Retention(pool);
    purge(retention);
    purgeTimer = vertx.setPeriodic(PURGE_EVERY.toMillis(), t -> purge(retention));
    LicenceMetrics metrics = new LicenceMetrics(new LicenceStats(pool), regime, registry, clock);
    metricsTimer = vertx.setPeriodic(settings.timers().metricsRefresh().toMillis(), t -> metrics.refresh());
    BoundaryProcessor boundaries = new BoundaryProcessor(pool, regimeRepository, licenceRepository, clock);
    calendar = new DailyTicker(vertx, clock, settings.timers().timeTick(), "Calendar boundaries",
        () -> boundaries.catchUp().onSuccess(days -> {
          regime.invalidate();
          outbox.flush();
        }));
    return Future.all(bus.ready(), regimeChanges.completion(), calendar.start(), metrics.refresh());
  }

  @Override
  public Future<?> stop() {
    calendar.stop();
    vertx.cancelTimer(outboxTimer);
    vertx.cancelTimer(metricsTimer);
    vertx.cancelTimer(purgeTimer);
    return Future.all(regimeChanges.unregister(), bus.drain(settings.timers().shutdownGrace()));
  }

  private void purge(Retention retention) {
    int outboxDays = settings.retention().outboxDays();
    int keyDays = settings.retention().idempotencyDays();
    retention.purgeOutbox(outboxDays).onComplete(done -> purged(done, "outbox messages published", outboxDays));
    retention.purgeIdempotencyKeys(keyDays).onComplete(done -> purged(done, "Idempotency-Key records made", keyDays));
  }

  private static void purged(AsyncResult<Integer> done, String what, int days) {
    if (done.failed()) {
      LOG.warn("Not purged yet ({} more than {} days ago): {}", what, days, done.cause().toString());
    } else if (done.result() > 0) {
      LOG.info("Purged {} {} more than {} days ago", done.result(), what, days);
    }
  }
}
