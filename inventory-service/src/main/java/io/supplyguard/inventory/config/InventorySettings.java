package io.supplyguard.inventory.config;

import io.supplyguard.common.config.Settings;
import io.supplyguard.inventory.buffer.BufferParameters;
import java.time.Duration;

/**
 * The inventory-service's settings (see the README's configuration table), parsed once at start so
 * that a bad value stops the service before it touches the database, naming the key.
 *
 * @param faultHaltAt {@code FAULT_HALT_AT}: the fault point a crash-recovery test arms; empty for none
 */
public record InventorySettings(BufferParameters buffer, PositionDefaults positionDefaults, Recompute recompute,
    Timers timers, String faultHaltAt) {

  /** What a position that leaves them out is given: {@code BUFFER_DEFAULT_SERVICE_LEVEL}, {@code _ORDER_DAYS}. */
  public record PositionDefaults(double serviceLevel, double orderDays) {
  }

  /**
   * How this replica takes part in the shared recompute.
   *
   * @param lease {@code RECOMPUTE_LEASE_MS}: how long a claimed part stays this replica's
   * @param partSize {@code RECOMPUTE_PAGE_SIZE}: positions per part
   */
  public record Recompute(Duration lease, int partSize, int partsInFlight, Duration poll) {
  }

  public record Timers(Duration busTimeout, Duration alertDeliveryRetry, Duration metricsRefresh, Duration timeTick,
      Duration shutdownGrace) {
  }

  public static InventorySettings from(Settings settings) {
    // p comes with each determination from the licence-service (BUFFER_DENIAL_PROBABILITY is its
    // setting); the model's default stands in only should an older licence-service not send it.
    BufferParameters buffer = new BufferParameters(settings.number("BUFFER_COVERED_DELAY_MEAN_DAYS"),
        settings.number("BUFFER_COVERED_DELAY_STD_DAYS"), settings.number("BUFFER_REVIEW_STD_DAYS"),
        BufferParameters.DEFAULTS.denialProbability());
    PositionDefaults defaults = new PositionDefaults(settings.number("BUFFER_DEFAULT_SERVICE_LEVEL"),
        settings.number("BUFFER_DEFAULT_ORDER_DAYS"));
    Recompute recompute = new Recompute(settings.millis("RECOMPUTE_LEASE_MS"), settings.integer("RECOMPUTE_PAGE_SIZE"),
        settings.integer("RECOMPUTE_PARTS_IN_FLIGHT"), settings.millis("RECOMPUTE_POLL_MS"));
    Timers timers = new Timers(settings.millis("BUS_TIMEOUT_MS"), settings.millis("ALERT_DELIVERY_RETRY_MS"),
        settings.millis("METRICS_REFRESH_MS"), settings.millis("TIME_TICK_MS"), settings.millis("SHUTDOWN_GRACE_MS"));
    return new InventorySettings(buffer, defaults, recompute, timers, settings.optional("FAULT_HALT_AT").orElse(""));
  }
}
