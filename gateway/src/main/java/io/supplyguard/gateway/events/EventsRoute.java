package io.supplyguard.gateway.events;

import io.supplyguard.common.bus.FailureCode;
import io.supplyguard.common.bus.ServiceException;
import io.supplyguard.gateway.auth.Authenticator;
import io.supplyguard.gateway.auth.Principal;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.time.Duration;

/**
 * {@code GET /api/v1/events}: the caller's change notifications as Server-Sent Events. A
 * tenant gets its own alerts and every regime change; ADMIN gets every tenant's. The stream
 * resumes after {@code Last-Event-ID} (or the {@code lastEventId} query parameter, which the
 * header overrides, as a browser's EventSource sends the header when it reconnects); without
 * either it starts with the next event.
 */
public final class EventsRoute implements Handler<RoutingContext> {
  static final String LAST_EVENT_ID = "Last-Event-ID";
  private static final String ADMIN_STREAMS = "ADMIN";

  private final EventLog log;
  private final EventStreams streams;
  private final Duration heartbeat;
  private final int retryAfterSeconds;

  public EventsRoute(EventLog log, EventStreams streams, Duration heartbeat, int retryAfterSeconds) {
    this.log = log;
    this.streams = streams;
    this.heartbeat = heartbeat;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  @Override
  public void handle(RoutingContext ctx) {
    Principal principal = Authenticator.principal(ctx);
    String owner = principal.tenantId() == null ? ADMIN_STREAMS : principal.tenantId();
    if (!streams.reserve(owner)) {
      if (streams.closing()) {
        ctx.fail(new ServiceException(FailureCode.UNAVAILABLE, "This gateway is stopping; connect again to reach another."));
        return;
      }
      ctx.response().putHeader("Retry-After", String.valueOf(retryAfterSeconds));
      ctx.fail(new HttpException(429, "This tenant has as many event streams open on this gateway as it may; "
          + "close one or try again later."));
      return;
    }
    // The contract has checked that both are whole numbers.
    String resumeAfter = ctx.request().getHeader(LAST_EVENT_ID);
    if (resumeAfter == null) {
      resumeAfter = ctx.request().getParam("lastEventId");
    }
    Future<Long> cursor = resumeAfter != null ? Future.succeededFuture(Long.parseLong(resumeAfter)) : log.latestId();
    cursor.onSuccess(after -> {
      EventStream stream = new EventStream(ctx.vertx().getOrCreateContext(), ctx.response(), log,
          principal.tenantId(), after, streams, owner);
      streams.opened(stream);
      stream.start(heartbeat);
    }).onFailure(failure -> {
      streams.release(owner);
      ctx.fail(failure);
    });
  }
}
