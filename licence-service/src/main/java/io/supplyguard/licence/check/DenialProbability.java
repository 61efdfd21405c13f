package io.supplyguard.licence.check;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The probability that a licence application for exports to a destination is denied, as an
 * operator entered it from observed approval rates.
 *
 * @param country the destination, ISO 3166 alpha-2
 * @param probability between 0 and 1
 * @param source where the figure comes from (an approval rate and who reported it)
 * @param updatedBy who entered it: the caller's tenant, or its role
 */
public record DenialProbability(String country, BigDecimal probability, String source, Instant updatedAt,
    String updatedBy) {
}
