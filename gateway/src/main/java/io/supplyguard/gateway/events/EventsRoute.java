package io.supplyguard.gateway.events;

import io.supplyguard.common.bus.FailureCode;
import io.supplyguard.common.bus.ServiceException;
import io.supplyguard.common.logging.RequestScope;
import io.supplyguard.gateway.auth.Authenticator;
import io.supplyguard.gateway.auth.Principal;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.time.Duration;

/**
 * {@code GET /api/v1/events}: the caller's change notifications as Server-Sent Events. A
 * tenant gets its own alerts and every regime change; ADMIN gets every tenant's. The stream
 * resumes after {@code Last-Event-ID} (or the {@code lastEventId} query parameter, which the
 * header overrides, as a browser's EventSource sends the header when it reconnects); without
 * either it starts with the next event.
 *
 * <p>Each HTTP instance hands the request over to the context the streams live on
 * ({@link EventStreams}); refusals are answered back on the instance's own.
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
    // The contract has checked that both are whole numbers.
    String resumeAfter = ctx.request().getHeader(LAST_EVENT_ID);
    if (resumeAfter == null) {
      resumeAfter = ctx.request().getParam("lastEventId");
    }
    Context instance = ctx.vertx().getOrCreateContext();
    Long after = resumeAfter == null ? null : Long.parseLong(resumeAfter);
    RequestScope.runOn(streams.home(), RequestScope.current(),
        () -> open(ctx, instance, principal.tenantId(), after));
  }

  /**
   * On the streams' context (a duplicate of it that carries the request's id, so that what the
   * stream logs names it): a place for the caller, then its stream from the cursor on.
   */
  private void open(RoutingContext ctx, Context instance, String tenantId, Long resumeAfter) {
    String owner = tenantId == null ? ADMIN_STREAMS : tenantId;
    if (!streams.reserve(owner)) {
      boolean closing = streams.closing();
      instance.runOnContext(v -> refuse(ctx, closing));
      return;
    }
    Future<Long> cursor = resumeAfter != null ? Future.succeededFuture(resumeAfter) : log.latestId();
    cursor.onSuccess(after -> {
      EventStream stream = new EventStream(Vertx.currentContext(), ctx.response(), log, tenantId, after, streams,
          owner);
      streams.opened(stream);
      stream.start(heartbeat);
    }).onFailure(failure -> {
      streams.release(owner);
      instance.runOnContext(v -> ctx.fail(failure));
    });
  }

  private void refuse(RoutingContext ctx, boolean closing) {
    if (closing) {
      ctx.fail(new ServiceException(FailureCode.UNAVAILABLE,
          "This gateway is stopping; connect again to reach another."));
      return;
    }
    ctx.response().putHeader("Retry-After", String.valueOf(retryAfterSeconds));
    ctx.fail(new HttpException(429, "This tenant has as many event streams open on this gateway as it may; "
        + "close one or try again later."));
  }
}
