package io.supplyguard.licence.store;

import io.supplyguard.common.config.InvalidConfigException;
import io.supplyguard.common.config.Settings;
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

  /** {@code SCREENING_THRESHOLD}: the score a name must reach to match an entry, in (0, 1]. */
  public static double configuredThreshold(Settings settings) {
    double t = settings.number("SCREENING_THRESHOLD");
    if (!(t > 0 && t <= 1)) {
      throw new InvalidConfigException("SCREENING_THRESHOLD", "must be above 0 and at most 1, was " + t);
    }
    return t;
  }

  public Future<Screening> get() {
    return kept.get();
  }

  public void invalidate() {
    kept.invalidate();
  }
}
