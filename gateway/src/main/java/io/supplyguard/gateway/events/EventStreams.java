package io.supplyguard.gateway.events;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The SSE connections open on this replica, and the bound on how many one tenant may hold.
 * Streams live on the HTTP server's event loops and are woken from the listener's, hence the
 * locking.
 */
public final class EventStreams {
  private final int maxPerTenant;
  private final Map<String, Integer> perTenant = new HashMap<>();
  private final Set<EventStream> open = new HashSet<>();
  private boolean closing;

  public EventStreams(int maxPerTenant) {
    this.maxPerTenant = maxPerTenant;
  }

  /** Whether the gateway is stopping: new streams are refused, so that clients go to another replica. */
  synchronized boolean closing() {
    return closing;
  }

  /** Takes one of {@code owner}'s places, if it has one left and the gateway is not stopping. */
  synchronized boolean reserve(String owner) {
    int held = perTenant.getOrDefault(owner, 0);
    if (closing || held >= maxPerTenant) {
      return false;
    }
    perTenant.put(owner, held + 1);
    return true;
  }

  /** Gives back a place taken by {@link #reserve} that no stream took. */
  synchronized void release(String owner) {
    perTenant.computeIfPresent(owner, (k, held) -> held <= 1 ? null : held - 1);
  }

  synchronized void opened(EventStream stream) {
    open.add(stream);
  }

  synchronized void closed(EventStream stream, String owner) {
    if (open.remove(stream)) {
      release(owner);
    }
  }

  /** Every stream reads the log after its cursor. */
  public void wakeAll() {
    snapshot().forEach(EventStream::wake);
  }

  /** Ends every stream, and refuses new ones: the gateway is stopping. */
  public Future<Void> endAll() {
    List<EventStream> streams;
    synchronized (this) {
      closing = true;
      streams = new ArrayList<>(open);
    }
    return Future.join(streams.stream().map(EventStream::end).toList()).mapEmpty();
  }

  public synchronized int size() {
    return open.size();
  }

  private synchronized List<EventStream> snapshot() {
    return new ArrayList<>(open);
  }
}
