package io.supplyguard.licence.config;

import io.supplyguard.common.config.InvalidConfigException;
import io.supplyguard.common.config.Settings;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The licence-service's settings (see the README's configuration table), parsed and checked once
 * at start so that a bad value stops the service before it touches the database, naming the key.
 */
public record LicenceSettings(Review review, Risk risk, Timers timers, Retention retention) {

  /**
   * How MOFCOM's review period is counted.
   *
   * @param workingDays {@code LICENCE_REVIEW_WORKING_DAYS}
   * @param holidays {@code LICENCE_REVIEW_HOLIDAYS}: days that are not working days
   * @param watchListExtraWorkingDays {@code WATCH_LIST_EXTRA_REVIEW_WORKING_DAYS}
   */
  public record Review(int workingDays, Set<LocalDate> holidays, int watchListExtraWorkingDays) {
    public Review {
      holidays = Set.copyOf(holidays);
    }
  }

  /**
   * @param defaultDenialProbability {@code BUFFER_DENIAL_PROBABILITY}: for destinations without one of their own
   * @param screeningThreshold {@code SCREENING_THRESHOLD}: the score a name must reach to match a listed party
   */
  public record Risk(BigDecimal defaultDenialProbability, double screeningThreshold) {
  }

  public record Timers(Duration busTimeout, Duration outboxFlush, Duration metricsRefresh, Duration timeTick,
      Duration shutdownGrace) {
  }

  /** How many days published outbox messages and Idempotency-Key records are kept. */
  public record Retention(int outboxDays, int idempotencyDays) {
  }

  public static LicenceSettings from(Settings settings) {
    Review review = new Review(settings.integer("LICENCE_REVIEW_WORKING_DAYS"), holidays(settings),
        settings.integer("WATCH_LIST_EXTRA_REVIEW_WORKING_DAYS"));
    Risk risk = new Risk(denialProbability(settings), screeningThreshold(settings));
    Timers timers = new Timers(settings.millis("BUS_TIMEOUT_MS"), settings.millis("OUTBOX_FLUSH_MS"),
        settings.millis("METRICS_REFRESH_MS"), settings.millis("TIME_TICK_MS"), settings.millis("SHUTDOWN_GRACE_MS"));
    Retention retention = new Retention(settings.integer("OUTBOX_RETENTION_DAYS"),
        settings.integer("IDEMPOTENCY_RETENTION_DAYS"));
    return new LicenceSettings(review, risk, timers, retention);
  }

  private static Set<LocalDate> holidays(Settings settings) {
    try {
      return settings.list("LICENCE_REVIEW_HOLIDAYS").stream().map(LocalDate::parse).collect(Collectors.toSet());
    } catch (DateTimeParseException e) {
      throw new InvalidConfigException("LICENCE_REVIEW_HOLIDAYS",
          "must list days as YYYY-MM-DD, was '" + e.getParsedString() + "'");
    }
  }

  /** A probability, so between 0 and 1. */
  private static BigDecimal denialProbability(Settings settings) {
    double p = settings.number("BUFFER_DENIAL_PROBABILITY");
    if (p < 0 || p > 1) {
      throw new InvalidConfigException("BUFFER_DENIAL_PROBABILITY", "must be between 0 and 1, was " + p);
    }
    return BigDecimal.valueOf(p);
  }

  /** A score in (0, 1]: 0 would match every name with every entry. */
  private static double screeningThreshold(Settings settings) {
    double t = settings.number("SCREENING_THRESHOLD");
    if (!(t > 0 && t <= 1)) {
      throw new InvalidConfigException("SCREENING_THRESHOLD", "must be above 0 and at most 1, was " + t);
    }
    return t;
  }
}
