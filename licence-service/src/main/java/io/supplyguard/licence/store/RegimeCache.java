package io.supplyguard.licence.store;

import io.vertx.core.Future;

/**
 * The regime, read once and kept until it changes. It is small and read on every request and
 * every recompute, while it changes a few times a year: a write here, or a
 * {@code regime.changed} event from another replica, drops the copy.
 */
public final class RegimeCache {
  private final KeptUntilChanged<Regime> kept;

  public RegimeCache(RegimeRepository repository) {
    this.kept = new KeptUntilChanged<>(() -> Future.all(repository.elements(), repository.forms(),
        repository.measures()).map(all -> new Regime(all.resultAt(0), all.resultAt(1), all.resultAt(2))));
  }

  public Future<Regime> get() {
    return kept.get();
  }

  public void invalidate() {
    kept.invalidate();
  }
}
