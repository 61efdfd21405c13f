package io.supplyguard.gateway.resilience;

/**
 * What one tenant's bucket said of one request: taken or not, the tokens left, the seconds until
 * the bucket is full again and, when refused, until the next token. {@link #header()} is the
 * IETF {@code RateLimit} field of draft-ietf-httpapi-ratelimit-headers-10, e.g. {@code "tenant";r=399;t=1}.
 */
public record RateLimitDecision(boolean allowed, long remaining, long secondsToFull, long retryAfterSeconds) {

  String header() {
    return "\"" + RateLimitPolicy.NAME + "\";r=" + remaining + ";t=" + secondsToFull;
  }

  static long wholeSecondsUp(long nanos) {
    return nanos <= 0 ? 0 : (nanos + 999_999_999L) / 1_000_000_000L;
  }
}
