package io.supplyguard.gateway.events;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The SSE connections open on this replica, and the bound on how many one tenant may hold. It
 * lives on the notifications verticle's context, with the streams themselves: the HTTP
 * instances hand each request over to that context ({@link EventsRoute}), the log watcher wakes
 * the streams there, and no lock is needed. A call from another thread is a bug, and fails.
 */
public final class EventStreams {
  private final int maxPerTenant;
  private final Map<String, Integer> perTenant = new HashMap<>();
  private final Set<EventStream> open = new HashSet<>();
  /** What the gauge reads, from the thread that scrapes the metrics. */
  private volatile int openCount;
  private volatile Context home;
  private volatile Thread homeThread;
  private boolean closing;

  public EventStreams(int maxPerTenant) {
    this.maxPerTenant = maxPerTenant;
  }

  /** Binds to the context it is called on, which every later call must come from: the notifications verticle's. */
  public void confineToThisContext() {
    homeThread = Thread.currentThread();
    home = Vertx.currentContext();
  }

  /** The context to hand a request over to. */
  Context home() {
    return home;
  }

  /** Whether the gateway is stopping: new streams are refused, so that clients go to another replica. */
  boolean closing() {
    confined();
    return closing;
  }

  /** Takes one of {@code owner}'s places, if it has one left and the gateway is not stopping. */
  boolean reserve(String owner) {
    confined();
    int held = perTenant.getOrDefault(owner, 0);
    if (closing || held >= maxPerTenant) {
      return false;
    }
    perTenant.put(owner, held + 1);
    return true;
  }

  /** Gives back a place taken by {@link #reserve} that no stream took. */
  void release(String owner) {
    confined();
    perTenant.computeIfPresent(owner, (k, held) -> held <= 1 ? null : held - 1);
  }

  void opened(EventStream stream) {
    confined();
    open.add(stream);
    openCount = open.size();
  }

  void closed(EventStream stream, String owner) {
    confined();
    if (open.remove(stream)) {
      openCount = open.size();
      release(owner);
    }
  }

  /** Every stream reads the log after its cursor. */
  public void wakeAll() {
    confined();
    new ArrayList<>(open).forEach(EventStream::wake);
  }

  /** Ends every stream, and refuses new ones: the gateway is stopping. */
  public Future<Void> endAll() {
    confined();
    closing = true;
    List<EventStream> streams = new ArrayList<>(open);
    return Future.join(streams.stream().map(EventStream::end).toList()).mapEmpty();
  }

  public int size() {
    return openCount;
  }

  private void confined() {
    if (Thread.currentThread() != homeThread) {
      throw new IllegalStateException("Event streams are used from " + Thread.currentThread().getName()
          + ", not from the notifications' context");
    }
  }
}
