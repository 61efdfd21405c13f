package io.supplyguard.licence.time;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the boundary processing at start (catching up on the days slept through), at each
 * midnight of the service's clock, and on a periodic tick, which is what lets tests move an
 * injected clock instead of waiting for a day to pass.
 */
public final class CalendarTicker {
  private static final Logger LOG = LoggerFactory.getLogger(CalendarTicker.class);

  private final Vertx vertx;
  private final BoundaryProcessor processor;
  private final Clock clock;
  private final Duration tick;
  private final Runnable afterProcessing;
  private long periodicTimer = -1;
  private long midnightTimer = -1;
  private LocalDate processedThrough;

  public CalendarTicker(Vertx vertx, BoundaryProcessor processor, Clock clock, Duration tick, Runnable afterProcessing) {
    this.vertx = vertx;
    this.processor = processor;
    this.clock = clock;
    this.tick = tick;
    this.afterProcessing = afterProcessing;
  }

  public Future<Void> start() {
    // A failed first run is retried by the tick: the service still starts.
    return run().otherwiseEmpty().onSuccess(v -> {
      periodicTimer = vertx.setPeriodic(tick.toMillis(), t -> runIfNewDay());
      scheduleMidnight();
    });
  }

  public void stop() {
    vertx.cancelTimer(periodicTimer);
    vertx.cancelTimer(midnightTimer);
  }

  private void runIfNewDay() {
    if (processedThrough == null || LocalDate.now(clock).isAfter(processedThrough)) {
      run();
    }
  }

  private Future<Void> run() {
    LocalDate today = LocalDate.now(clock);
    return processor.catchUp()
        .onSuccess(days -> {
          processedThrough = today;
          afterProcessing.run();
        })
        .onFailure(e -> LOG.warn("Calendar boundaries not processed yet: {}", e.toString()))
        .mapEmpty();
  }

  private void scheduleMidnight() {
    ZonedDateTime now = ZonedDateTime.now(clock);
    long delay = Math.max(1, Duration.between(now, now.toLocalDate().plusDays(1).atStartOfDay(now.getZone())).toMillis());
    midnightTimer = vertx.setTimer(delay, t -> {
      runIfNewDay();
      scheduleMidnight();
    });
  }
}
