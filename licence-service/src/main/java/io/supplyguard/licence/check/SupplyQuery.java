package io.supplyguard.licence.check;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/**
 * A supply to decide for: a material (its elements and form) shipped to a destination for an
 * end use, as of a date.
 *
 * @param quantityKg what the shipment draws; null when only the need for a licence is asked
 * @param horizonDays the days after {@code asOf} a measure counts on (the protection horizon
 *     {@code L + R} of a stock position)
 * @param coverageDays how long after {@code asOf} a covering licence must still be valid
 *     (the lead time {@code L})
 */
public record SupplyQuery(Set<String> elements, String form, String destination, String endUse,
    BigDecimal quantityKg, LocalDate asOf, int horizonDays, int coverageDays) {

  public SupplyQuery {
    elements = Set.copyOf(elements);
  }

  public LocalDate horizonEnd() {
    return asOf.plusDays(horizonDays);
  }
}
