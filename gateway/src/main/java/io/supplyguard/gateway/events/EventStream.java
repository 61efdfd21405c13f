package io.supplyguard.gateway.events;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpServerResponse;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's SSE connection. It is driven by the log, never by a bus message: woken when
 * events may have been appended, it reads what follows its cursor in id order and writes it.
 * So the backlog and live events are one sequence, a wake-up that comes early or twice does
 * no harm, and a client resuming on any replica continues exactly after its Last-Event-ID.
 * Everything runs on the notifications' context, where {@link EventStreams} lives; what the
 * connection reports (closed, drained) on its HTTP instance's context is handed over to it, and
 * writes cross to the connection's event loop by themselves.
 */
final class EventStream {
  private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);
  /** Events read per query; the next page is read once these are written. */
  private static final int PAGE = 200;

  private final Context context;
  private final HttpServerResponse response;
  private final EventLog log;
  private final String tenantId;
  private final EventStreams streams;
  private final String owner;
  private long cursor;
  private long heartbeatTimer = -1;
  private boolean reading;
  private boolean again;
  private boolean closed;

  /**
   * @param context the notifications' context (its request's duplicate), which every call comes from
   * @param tenantId whose events to send besides everyone's; null sends every tenant's (ADMIN)
   * @param cursor the id of the last event the client has
   * @param owner whose place among {@code streams} this stream holds
   */
  EventStream(Context context, HttpServerResponse response, EventLog log, String tenantId, long cursor,
      EventStreams streams, String owner) {
    this.context = context;
    this.response = response;
    this.log = log;
    this.tenantId = tenantId;
    this.cursor = cursor;
    this.streams = streams;
    this.owner = owner;
  }

  /** Sends the headers, then whatever the log holds after the cursor. */
  void start(Duration heartbeat) {
    response.closeHandler(v -> context.runOnContext(closing -> closed()));
    // Checked after the handler is set: a client that left before it was (while the cursor was
    // read, or on its own event loop meanwhile) is seen here, one that leaves later by the handler.
    if (response.closed()) {
      closed();
      return;
    }
    response.setChunked(true)
        .putHeader("Content-Type", "text/event-stream; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        // nginx and similar proxies buffer responses unless told not to.
        .putHeader("X-Accel-Buffering", "no");
    response.write(SseFrames.opened());
    heartbeatTimer = context.owner().setPeriodic(heartbeat.toMillis(), t -> {
      if (!closed && !response.writeQueueFull()) {
        response.write(SseFrames.heartbeat());
      }
    });
    pull();
  }

  /** Events may have been appended; read after the wake-ups of this round are all given. */
  void wake() {
    context.runOnContext(v -> pull());
  }

  /** Ends the response (the gateway is stopping); completes once it has. */
  Future<Void> end() {
    Promise<Void> ended = Promise.promise();
    context.runOnContext(v -> {
      if (!closed) {
        closed();
        response.end().onComplete(done -> ended.complete());
      } else {
        ended.complete();
      }
    });
    return ended.future();
  }

  private void pull() {
    if (closed) {
      return;
    }
    if (reading) {
      again = true;
      return;
    }
    if (response.writeQueueFull()) {
      // A slow client: read no more until it has taken what was written.
      response.drainHandler(v -> context.runOnContext(drained -> pull()));
      return;
    }
    reading = true;
    again = false;
    log.after(cursor, tenantId, PAGE).onComplete(read -> {
      reading = false;
      if (closed) {
        return;
      }
      if (read.failed()) {
        // The next wake-up or poll tries again from the same cursor.
        LOG.warn("Event stream could not read the event log: {}", read.cause().toString());
        return;
      }
      for (ChangeEvent event : read.result()) {
        response.write(SseFrames.event(event));
        cursor = event.id();
      }
      if (again || read.result().size() == PAGE) {
        pull();
      }
    });
  }

  private void closed() {
    if (closed) {
      return;
    }
    closed = true;
    if (heartbeatTimer >= 0) {
      context.owner().cancelTimer(heartbeatTimer);
    }
    streams.closed(this, owner);
  }
}
