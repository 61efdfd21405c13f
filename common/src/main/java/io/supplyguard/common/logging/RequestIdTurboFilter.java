package io.supplyguard.common.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.MDC;
import org.slf4j.Marker;

/**
 * Puts the current request's id into the MDC just before each log event is made (a turbo
 * filter runs on the logging thread, before the event copies the MDC), so every line logged
 * while serving a request names it, whichever callback logs it.
 */
public final class RequestIdTurboFilter extends TurboFilter {
  public static final String MDC_KEY = "requestId";

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    String requestId = RequestScope.current();
    if (requestId != null) {
      MDC.put(MDC_KEY, requestId);
    } else {
      MDC.remove(MDC_KEY);
    }
    return FilterReply.NEUTRAL;
  }
}
