package io.supplyguard.common.time;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a day's work at start (catching up on the days slept through), at each midnight of
 * the service's clock, and whenever a periodic tick finds that the date has changed: the tick
 * is what lets tests move an injected clock instead of waiting for a day to pass.
 */
public final class DailyTicker {
  private static final Logger LOG = LoggerFactory.getLogger(DailyTicker.class);

  private final Vertx vertx;
  private final Clock clock;
  private final Duration tick;
  private final String name;
  private final Supplier<Future<?>> work;
  private long periodicTimer = -1;
  private long midnightTimer = -1;
  private LocalDate doneFor;
  private boolean running;

  /** @param work what a new day needs; it must be safe to run again for a day already done */
  public DailyTicker(Vertx vertx, Clock clock, Duration tick, String name, Supplier<Future<?>> work) {
    this.vertx = vertx;
    this.clock = clock;
    this.tick = tick;
    this.name = name;
    this.work = work;
  }

  /** Runs the work once now; a failure is logged and retried by the tick, so the service still starts. */
  public Future<Void> start() {
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
    if (!running && (doneFor == null || LocalDate.now(clock).isAfter(doneFor))) {
      run();
    }
  }

  private Future<Void> run() {
    LocalDate today = LocalDate.now(clock);
    running = true;
    return work.get()
        .onComplete(done -> running = false)
        .onSuccess(v -> doneFor = today)
        .onFailure(e -> LOG.warn("{} not done for {} yet: {}", name, today, e.toString()))
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
