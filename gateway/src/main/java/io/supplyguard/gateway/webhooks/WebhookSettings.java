package io.supplyguard.gateway.webhooks;

import io.supplyguard.common.config.InvalidConfigException;
import io.supplyguard.common.config.Settings;
import java.time.Duration;

/** The webhook settings (see the README's configuration table), parsed once. */
public record WebhookSettings(boolean allowPrivateAddresses, Duration timeout, Duration poll, Backoff backoff) {

  public static WebhookSettings from(Settings settings) {
    Backoff backoff;
    try {
      backoff = new Backoff(settings.millis("WEBHOOK_BACKOFF_BASE_MS"), settings.number("WEBHOOK_BACKOFF_FACTOR"),
          settings.millis("WEBHOOK_BACKOFF_MAX_MS"), settings.integer("WEBHOOK_MAX_ATTEMPTS"));
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigException("WEBHOOK_BACKOFF_BASE_MS", e.getMessage());
    }
    return new WebhookSettings(settings.bool("WEBHOOK_ALLOW_PRIVATE_ADDRESSES"), settings.millis("WEBHOOK_TIMEOUT_MS"),
        settings.millis("WEBHOOK_POLL_MS"), backoff);
  }
}
