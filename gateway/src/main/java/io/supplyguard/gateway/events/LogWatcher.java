package io.supplyguard.gateway.events;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells this replica when the event log may have grown: PostgreSQL NOTIFY from whichever
 * replica appended (LISTEN on a connection of its own), and a poll as a backstop for a
 * notification missed while that connection was down.
 */
public final class LogWatcher {
  private static final Logger LOG = LoggerFactory.getLogger(LogWatcher.class);
  private static final long RECONNECT_MS = 1000;

  private final Vertx vertx;
  private final PgSubscriber subscriber;
  private final Duration poll;
  private final Runnable onGrown;
  private long pollTimer = -1;
  private boolean stopping;

  public LogWatcher(Vertx vertx, PgConnectOptions connect, Duration poll, Runnable onGrown) {
    this.vertx = vertx;
    this.subscriber = PgSubscriber.subscriber(vertx, connect).reconnectPolicy(retries -> RECONNECT_MS);
    this.poll = poll;
    this.onGrown = onGrown;
  }

  public Future<Void> start() {
    subscriber.channel(EventLog.CHANNEL)
        .handler(payload -> onGrown.run())
        // Subscribed again after a lost connection: what was appended meanwhile is worth a look.
        .subscribeHandler(v -> onGrown.run());
    subscriber.closeHandler(v -> {
      if (!stopping) {
        LOG.warn("The LISTEN connection for the event log closed; polling alone wakes event streams now");
      }
    });
    pollTimer = vertx.setPeriodic(poll.toMillis(), t -> onGrown.run());
    return subscriber.connect();
  }

  public Future<Void> stop() {
    stopping = true;
    if (pollTimer >= 0) {
      vertx.cancelTimer(pollTimer);
    }
    return subscriber.close();
  }
}
