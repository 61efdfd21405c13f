package io.supplyguard.common.logging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one line per request each process writes (the gateway per HTTP request, a service per bus
 * request), under one logger name so operators can route or silence them together
 * ({@code REQUEST_LOG_LEVEL}).
 */
public final class RequestLog {
  public static final Logger LOG = LoggerFactory.getLogger("io.supplyguard.requests");

  private RequestLog() {
  }
}
