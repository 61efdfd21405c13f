package io.supplyguard.licence.events;

import io.vertx.core.Context;

/**
 * The outbox as the service's other verticles reach it. The publisher keeps its state (a flush
 * running, one due) without locks, so each call is handed over to the context it lives on.
 */
public final class OutboxHandover {
  private final Context home;
  private final OutboxPublisher outbox;

  /** @param home the context {@code outbox} was made on and runs its timers on */
  public OutboxHandover(Context home, OutboxPublisher outbox) {
    this.home = home;
    this.outbox = outbox;
  }

  /** From any thread: see {@link OutboxPublisher#flushSoon}. */
  public void flushSoon() {
    home.runOnContext(v -> outbox.flushSoon());
  }

  /** From any thread: see {@link OutboxPublisher#flush}. */
  public void flush() {
    home.runOnContext(v -> outbox.flush());
  }
}
