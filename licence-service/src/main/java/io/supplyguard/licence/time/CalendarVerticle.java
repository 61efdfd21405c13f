package io.supplyguard.licence.time;

import io.supplyguard.common.time.DailyTicker;
import io.supplyguard.licence.config.LicenceSettings;
import io.supplyguard.licence.store.LicenceRepository;
import io.supplyguard.licence.store.RegimeRepository;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.sqlclient.Pool;
import java.time.Clock;

/**
 * The calendar: at start and each new day, the boundaries passed since the last run (measures in
 * force, suspensions ended, licences expired) recorded and published.
 */
public final class CalendarVerticle extends VerticleBase {
  private final Pool pool;
  private final LicenceSettings settings;
  private final Clock clock;
  private final Runnable regimeChanged;
  private final Runnable publish;
  private DailyTicker calendar;

  /**
   * @param regimeChanged drops this replica's copy of the regime at once, before the published
   *     change comes back over the bus
   * @param publish flushes the outbox; safe to call from this verticle's context
   */
  public CalendarVerticle(Pool pool, LicenceSettings settings, Clock clock, Runnable regimeChanged, Runnable publish) {
    this.pool = pool;
    this.settings = settings;
    this.clock = clock;
    this.regimeChanged = regimeChanged;
    this.publish = publish;
  }

  @Override
  public Future<?> start() {
    BoundaryProcessor boundaries = new BoundaryProcessor(pool, new RegimeRepository(pool),
        new LicenceRepository(pool), clock);
    calendar = new DailyTicker(vertx, clock, settings.timers().timeTick(), "Calendar boundaries",
        () -> boundaries.catchUp().onSuccess(days -> {
          regimeChanged.run();
          publish.run();
        }));
    return calendar.start();
  }

  @Override
  public Future<?> stop() {
    calendar.stop();
    return Future.succeededFuture();
  }
}
