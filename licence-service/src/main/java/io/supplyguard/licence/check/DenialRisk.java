package io.supplyguard.licence.check;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * Denial probabilities by destination (docs/regime.md, "Denial risk by destination"): the one an
 * operator entered for the destination, otherwise the configured default
 * ({@code BUFFER_DENIAL_PROBABILITY}).
 *
 * @param byCountry the entered probabilities, by destination
 */
public record DenialRisk(BigDecimal defaultProbability, Map<String, DenialProbability> byCountry) {

  public DenialRisk {
    byCountry = Map.copyOf(byCountry);
  }

  /** The entry for a destination; empty when it takes the default. */
  public Optional<DenialProbability> entered(String destination) {
    return Optional.ofNullable(byCountry.get(destination));
  }

  /** The probability that applies to a destination. */
  public BigDecimal probability(String destination) {
    return entered(destination).map(DenialProbability::probability).orElse(defaultProbability);
  }
}
