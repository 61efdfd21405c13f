package io.supplyguard.licence.store;

import io.vertx.core.Future;
import java.util.function.Supplier;

/**
 * Something read from the database once and kept until it changes: the regime, the denial
 * probabilities, the listed parties. Every determination reads them, operators change them
 * rarely; a failed read is not kept, so the next request tries again.
 */
final class KeptUntilChanged<T> {
  private final Supplier<Future<T>> load;
  private volatile Future<T> current;

  KeptUntilChanged(Supplier<Future<T>> load) {
    this.load = load;
  }

  Future<T> get() {
    Future<T> cached = current;
    if (cached == null || cached.failed()) {
      cached = load.get();
      current = cached;
    }
    return cached;
  }

  void invalidate() {
    current = null;
  }
}
