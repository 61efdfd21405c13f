package io.supplyguard.licence;

import io.micrometer.core.instrument.MeterRegistry;
import io.supplyguard.licence.api.BusApiVerticle;
import io.supplyguard.licence.config.LicenceSettings;
import io.supplyguard.licence.events.OutboxHandover;
import io.supplyguard.licence.events.OutboxPublisher;
import io.supplyguard.licence.metrics.MetricsVerticle;
import io.supplyguard.licence.purge.PurgeVerticle;
import io.supplyguard.licence.store.RegimeCache;
import io.supplyguard.licence.store.RegimeRepository;
import io.supplyguard.licence.time.CalendarVerticle;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.sqlclient.Pool;
import java.time.Clock;

/**
 * The licence-service, one verticle per I/O role. This one runs the outbox (committed changes
 * onto the bus) and deploys the others as its children: the bus API (requests and their
 * writes), the calendar (the day's boundaries), the business gauges and the purge. Children
 * because Vert.x stops them before their parent: the bus API drains its requests while the
 * outbox still publishes what they wrote.
 *
 * <p>What the roles share is safe across event loops: the outbox through {@link OutboxHandover},
 * and the bus API's copy of the regime, which the calendar only drops.
 */
public final class LicenceVerticle extends VerticleBase {
  private final Pool pool;
  private final LicenceSettings settings;
  private final Clock clock;
  private final MeterRegistry registry;
  private long outboxTimer = -1;

  public LicenceVerticle(Pool pool, LicenceSettings settings, Clock clock, MeterRegistry registry) {
    this.pool = pool;
    this.settings = settings;
    this.clock = clock;
    this.registry = registry;
  }

  @Override
  public Future<?> start() {
    OutboxPublisher publisher = new OutboxPublisher(vertx, pool, registry);
    // The timer publishes what was committed just before a crash, or by a replica that stopped.
    outboxTimer = vertx.setPeriodic(settings.timers().outboxFlush().toMillis(), t -> publisher.flush());
    OutboxHandover outbox = new OutboxHandover(context, publisher);
    RegimeCache regime = new RegimeCache(new RegimeRepository(pool));
    return Future.all(
        vertx.deployVerticle(new BusApiVerticle(pool, settings, clock, registry, regime, outbox::flushSoon)),
        vertx.deployVerticle(new CalendarVerticle(pool, settings, clock, regime::invalidate, outbox::flush)),
        vertx.deployVerticle(new MetricsVerticle(pool, settings, clock, registry)),
        vertx.deployVerticle(new PurgeVerticle(pool, settings)));
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(outboxTimer);
    return Future.succeededFuture();
  }
}
