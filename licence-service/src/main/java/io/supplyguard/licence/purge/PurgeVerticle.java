package io.supplyguard.licence.purge;

import io.supplyguard.licence.config.LicenceSettings;
import io.supplyguard.licence.store.Retention;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes published outbox messages and Idempotency-Key records past their retention, at start and hourly. */
public final class PurgeVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(PurgeVerticle.class);
  /** Retention is counted in days; looking once an hour is often enough. */
  private static final Duration PURGE_EVERY = Duration.ofHours(1);
  private final Pool pool;
  private final LicenceSettings settings;
  private long timer = -1;

  public PurgeVerticle(Pool pool, LicenceSettings settings) {
    this.pool = pool;
    this.settings = settings;
  }

  @Override
  public Future<?> start() {
    Retention retention = new Retention(pool);
    purge(retention);
    timer = vertx.setPeriodic(PURGE_EVERY.toMillis(), t -> purge(retention));
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    return Future.succeededFuture();
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
