package io.supplyguard.licence.store;

import io.supplyguard.licence.screening.Screening;
import io.vertx.core.Future;

/**
 * The lists' entries, ready to screen names against, read once and kept until they change (like
 * {@link RegimeCache}): every determination with a consignee screens it, imports are rare.
 */
public final class ListedPartyCache {
  private final KeptUntilChanged<Screening> kept;

  public ListedPartyCache(ListedPartyRepository repository, double threshold) {
    this.kept = new KeptUntilChanged<>(() -> repository.all().map(entries -> new Screening(entries, threshold)));
  }

  public Future<Screening> get() {
    return kept.get();
  }

  public void invalidate() {
    kept.invalidate();
  }
}
