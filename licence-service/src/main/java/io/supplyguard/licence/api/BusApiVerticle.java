package io.supplyguard.licence.api;

import io.micrometer.core.instrument.MeterRegistry;
import io.supplyguard.common.bus.Addresses;
import io.supplyguard.common.bus.BusClient;
import io.supplyguard.common.bus.BusContract;
import io.supplyguard.common.bus.BusServer;
import io.supplyguard.licence.config.LicenceSettings;
import io.supplyguard.licence.registry.WorkingDays;
import io.supplyguard.licence.store.AuditRepository;
import io.supplyguard.licence.store.DenialProbabilityRepository;
import io.supplyguard.licence.store.DenialRiskCache;
import io.supplyguard.licence.store.ListedPartyCache;
import io.supplyguard.licence.store.ListedPartyRepository;
import io.supplyguard.licence.store.LicenceRepository;
import io.supplyguard.licence.store.RegimeCache;
import io.supplyguard.licence.store.RegimeRepository;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Clock;

/**
 * The licence-service on the bus: every request/reply address of the regime and the licence
 * registry, and the copies of the regime, denial probabilities and listed parties they read,
 * dropped when another replica (or the calendar) publishes a change. Stopping drains the
 * requests in flight.
 */
public final class BusApiVerticle extends VerticleBase {
  private final Pool pool;
  private final LicenceSettings settings;
  private final Clock clock;
  private final MeterRegistry registry;
  private final RegimeCache regime;
  private final Runnable published;
  private BusServer bus;
  private MessageConsumer<JsonObject> regimeChanges;

  /**
   * @param regime read on this verticle's context only (its loads continue on the context that
   *     started them); other verticles may drop it
   * @param published flushes the outbox soon after a write commits; safe to call from here
   */
  public BusApiVerticle(Pool pool, LicenceSettings settings, Clock clock, MeterRegistry registry, RegimeCache regime,
      Runnable published) {
    this.pool = pool;
    this.settings = settings;
    this.clock = clock;
    this.registry = registry;
    this.regime = regime;
    this.published = published;
  }

  @Override
  public Future<?> start() {
    return BusContract.load(vertx).compose(this::start);
  }

  private Future<?> start(BusContract contract) {
    RegimeRepository regimeRepository = new RegimeRepository(pool);
    LicenceRepository licenceRepository = new LicenceRepository(pool);
    AuditRepository audit = new AuditRepository(pool);
    WorkingDays workingDays = new WorkingDays(settings.review().holidays());

    RegimeQueries regimeQueries = new RegimeQueries(regime, audit, clock);
    RegimeAdmin regimeAdmin = new RegimeAdmin(pool, regimeRepository, regime, clock, published);
    SuspensionRenewal renewals = new SuspensionRenewal(pool, regimeRepository, regime, clock, published);
    LicenceHandlers licences = new LicenceHandlers(pool, licenceRepository, audit, regime, clock, workingDays,
        settings.review().workingDays(), published);
    Drawdowns drawdowns = new Drawdowns(pool, clock, published, registry);
    DenialProbabilityRepository denialRepository = new DenialProbabilityRepository(pool);
    DenialRiskCache denials = new DenialRiskCache(denialRepository, settings.risk().defaultDenialProbability());
    DenialProbabilities denialProbabilities = new DenialProbabilities(pool, denialRepository, denials, clock,
        published);
    ListedPartyRepository partyRepository = new ListedPartyRepository(pool);
    ListedPartyCache parties = new ListedPartyCache(partyRepository, settings.risk().screeningThreshold());
    ListedParties listedParties = new ListedParties(pool, partyRepository, parties, clock, published);
    Announcements announcements = new Announcements(pool, regimeRepository, regime,
        new RegistryListings(partyRepository), new BusClient(vertx, settings.timers().busTimeout()), clock,
        published);
    CheckHandlers checks = new CheckHandlers(regime, licenceRepository, clock, workingDays,
        settings.review().workingDays(), denials)
        .screening(parties, settings.review().watchListExtraWorkingDays());

    bus = new BusServer(vertx).validatedBy(contract)
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

    return Future.all(bus.ready(), regimeChanges.completion());
  }

  @Override
  public Future<?> stop() {
    return Future.all(regimeChanges.unregister(), bus.drain(settings.timers().shutdownGrace()));
  }
}
