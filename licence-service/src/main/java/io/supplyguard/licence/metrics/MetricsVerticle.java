package io.supplyguard.licence.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.supplyguard.licence.config.LicenceSettings;
import io.supplyguard.licence.store.LicenceStats;
import io.supplyguard.licence.store.RegimeCache;
import io.supplyguard.licence.store.RegimeRepository;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.sqlclient.Pool;
import java.time.Clock;

/** The business gauges, refreshed from the database on a timer; ready once they have a first value. */
public final class MetricsVerticle extends VerticleBase {
  private final Pool pool;
  private final LicenceSettings settings;
  private final Clock clock;
  private final MeterRegistry registry;
  private long timer = -1;

  public MetricsVerticle(Pool pool, LicenceSettings settings, Clock clock, MeterRegistry registry) {
    this.pool = pool;
    this.settings = settings;
    this.clock = clock;
    this.registry = registry;
  }

  @Override
  public Future<?> start() {
    // A copy of the regime of its own, read again at each refresh: sharing the bus API's would run
    // that verticle's continuations on this event loop whenever this one loaded it first.
    RegimeCache regime = new RegimeCache(new RegimeRepository(pool));
    LicenceMetrics metrics = new LicenceMetrics(new LicenceStats(pool), regime, registry, clock);
    timer = vertx.setPeriodic(settings.timers().metricsRefresh().toMillis(), t -> {
      regime.invalidate();
      metrics.refresh();
    });
    return metrics.refresh();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    return Future.succeededFuture();
  }
}
