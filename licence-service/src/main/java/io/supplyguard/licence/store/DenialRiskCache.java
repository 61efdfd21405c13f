package io.supplyguard.licence.store;

import io.supplyguard.licence.check.DenialProbability;
import io.supplyguard.licence.check.DenialRisk;
import io.vertx.core.Future;
import java.math.BigDecimal;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The denial probabilities by destination, read once and kept until they change, like the
 * regime ({@link RegimeCache}): every determination reads them, operators change them rarely.
 */
public final class DenialRiskCache {
  private final BigDecimal defaultProbability;
  private final KeptUntilChanged<DenialRisk> kept;

  /** @param defaultProbability what a destination without an entry takes ({@code BUFFER_DENIAL_PROBABILITY}) */
  public DenialRiskCache(DenialProbabilityRepository repository, BigDecimal defaultProbability) {
    this.defaultProbability = defaultProbability;
    this.kept = new KeptUntilChanged<>(() -> repository.all().map(entries -> new DenialRisk(defaultProbability,
        entries.stream().collect(Collectors.toMap(DenialProbability::country, Function.identity())))));
  }

  public BigDecimal defaultProbability() {
    return defaultProbability;
  }

  public Future<DenialRisk> get() {
    return kept.get();
  }

  public void invalidate() {
    kept.invalidate();
  }
}
