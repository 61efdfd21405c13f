package io.supplyguard.licence.store;

import io.vertx.core.Future;

/**
 * The regime, read once and kept until it changes. It is small and read on every request and
 * every recompute, while it changes a few times a year: a write here, or a
 * {@code regime.changed} event from another replica, drops the copy.
 */
public final class RegimeCache {
  private final RegimeRepository repository;
  private volatile Future<Regime> current;

  public RegimeCache(RegimeRepository repository) {
    this.repository = repository;
  }

  public Future<Regime> get() {
    Future<Regime> cached = current;
    if (cached == null || cached.failed()) {
      cached = Future.all(repository.elements(), repository.forms(), repository.measures())
          .map(all -> new Regime(all.resultAt(0), all.resultAt(1), all.resultAt(2)));
      current = cached;
    }
    return cached;
  }

  public void invalidate() {
    current = null;
  }
}
