package io.supplyguard.licence.time;

import io.supplyguard.common.bus.Addresses;
import io.supplyguard.licence.events.ChangeEvents;
import io.supplyguard.licence.regime.Boundaries;
import io.supplyguard.licence.regime.Measure;
import io.supplyguard.licence.regime.RegimeBoundary;
import io.supplyguard.licence.registry.Licence;
import io.supplyguard.licence.store.Actor;
import io.supplyguard.licence.store.ChangeLog;
import io.supplyguard.licence.store.LicenceRepository;
import io.supplyguard.licence.store.RegimeRepository;
import io.supplyguard.licence.store.WatermarkRepository;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Processes every day from the watermark to today, in one transaction that holds the
 * watermark's lock: the boundaries of each day are published and licences past validTo expire,
 * exactly once however many replicas run and however long the service slept.
 */
public final class BoundaryProcessor {
  private static final Logger LOG = LoggerFactory.getLogger(BoundaryProcessor.class);

  private final Pool pool;
  private final RegimeRepository regime;
  private final LicenceRepository licences;
  private final Clock clock;

  public BoundaryProcessor(Pool pool, RegimeRepository regime, LicenceRepository licences, Clock clock) {
    this.pool = pool;
    this.regime = regime;
    this.licences = licences;
    this.clock = clock;
  }

  /** Completes with the number of days processed (0 when already up to date). */
  public Future<Integer> catchUp() {
    LocalDate today = LocalDate.now(clock);
    return pool.withTransaction(tx -> WatermarkRepository.lock(tx, today).compose(processed -> {
      if (!processed.isBefore(today)) {
        return Future.succeededFuture(0);
      }
      return regime.measures().compose(measures -> processDays(tx, measures, processed.plusDays(1), today))
          .compose(v -> WatermarkRepository.advance(tx, today))
          .map(v -> (int) (today.toEpochDay() - processed.toEpochDay()));
    })).onSuccess(days -> {
      if (days > 0) {
        LOG.info("Processed the calendar's boundaries of {} day(s) through {}", days, today);
      }
    });
  }

  private Future<Void> processDays(SqlConnection tx, List<Measure> measures, LocalDate day, LocalDate last) {
    if (day.isAfter(last)) {
      return Future.succeededFuture();
    }
    return processDay(tx, measures, day).compose(v -> processDays(tx, measures, day.plusDays(1), last));
  }

  private Future<Void> processDay(SqlConnection tx, List<Measure> measures, LocalDate day) {
    Future<Void> chain = Future.succeededFuture();
    for (RegimeBoundary boundary : Boundaries.on(day, measures)) {
      chain = chain.compose(v -> ChangeLog.publish(tx, Addresses.REGIME_CHANGED,
          ChangeEvents.regimeChanged(boundary, clock.instant())));
    }
    return chain
        .compose(v -> licences.expireBefore(tx, day))
        .compose(expired -> each(expired, licence -> ChangeLog.audit(tx, Actor.SYSTEM, "LICENCE",
                licence.id().toString(), licence.tenantId(), "EXPIRED", null, null)
            .compose(w -> ChangeLog.publish(tx, Addresses.LICENCE_CHANGED,
                ChangeEvents.licenceChanged("EXPIRED", licence, clock.instant())))))
        .compose(v -> licences.becomingValid(tx, day))
        .compose(valid -> each(valid, licence -> ChangeLog.publish(tx, Addresses.LICENCE_CHANGED,
            ChangeEvents.licenceChanged("VALID_FROM_REACHED", licence, clock.instant()))));
  }

  private static Future<Void> each(List<Licence> licences, java.util.function.Function<Licence, Future<Void>> step) {
    Future<Void> chain = Future.succeededFuture();
    for (Licence licence : licences) {
      chain = chain.compose(v -> step.apply(licence));
    }
    return chain;
  }
}
