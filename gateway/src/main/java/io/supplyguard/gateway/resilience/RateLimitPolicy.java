package io.supplyguard.gateway.resilience;

import io.supplyguard.common.config.InvalidConfigException;
import io.supplyguard.common.config.Settings;

/**
 * Each tenant's token bucket: {@code burst} requests at once, refilled at {@code ratePerSecond}.
 * Advertised as the IETF {@code RateLimit-Policy} field of draft-ietf-httpapi-ratelimit-headers-10
 * (a structured-field list): quota {@code q} is the burst and window {@code w} the seconds an
 * empty bucket takes to fill, e.g. {@code "tenant";q=400;w=2} for 200 requests/s with a burst of 400.
 */
public record RateLimitPolicy(long ratePerSecond, long burst) {
  /** The policy's name in the RateLimit fields. */
  static final String NAME = "tenant";
  static final String RATE = "GATEWAY_RATE_PER_SECOND";
  static final String BURST = "GATEWAY_RATE_BURST";

  public RateLimitPolicy {
    if (ratePerSecond < 1 || burst < 1) {
      throw new IllegalArgumentException("a rate limit needs a rate and a burst of at least 1");
    }
  }

  static RateLimitPolicy from(Settings settings) {
    int rate = settings.integer(RATE);
    int burst = settings.integer(BURST);
    if (rate < 1) {
      throw new InvalidConfigException(RATE, "must be at least 1, was " + rate);
    }
    if (burst < 1) {
      throw new InvalidConfigException(BURST, "must be at least 1, was " + burst);
    }
    return new RateLimitPolicy(rate, burst);
  }

  /** Whole seconds an empty bucket takes to fill again, at least 1. */
  long windowSeconds() {
    return Math.max(1, (burst + ratePerSecond - 1) / ratePerSecond);
  }

  String header() {
    return "\"" + NAME + "\";q=" + burst + ";w=" + windowSeconds();
  }
}
