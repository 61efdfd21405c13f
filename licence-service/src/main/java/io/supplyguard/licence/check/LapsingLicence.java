package io.supplyguard.licence.check;

import io.supplyguard.licence.registry.Licence;
import io.supplyguard.licence.registry.LicenceStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The licence that would cover a supply but lapses too soon: ACTIVE, valid on {@code asOf}, right
 * in elements, form, destination, end use and what remains, yet its {@code validTo} falls before
 * {@code asOf} plus the coverage days (a position's lead time). Such a licence no longer covers
 * the supply (docs/regime.md, "Whether a supply needs a licence"); naming it tells the tenant why
 * a supply it thought covered needs a licence, as a one-year general licence nears its end.
 */
public final class LapsingLicence {

  private LapsingLicence() {
  }

  /** Of several, the one valid longest: the nearest miss. */
  static Optional<Licence> of(SupplyQuery query, Set<String> countingElements, List<Licence> licences) {
    LocalDate validUntilAtLeast = query.asOf().plusDays(query.coverageDays());
    BigDecimal needed = query.quantityKg();
    return licences.stream()
        .filter(l -> l.status() == LicenceStatus.ACTIVE)
        .filter(l -> !l.validFrom().isAfter(query.asOf()) && !l.validTo().isBefore(query.asOf())
            && l.validTo().isBefore(validUntilAtLeast))
        .filter(l -> l.elements().containsAll(countingElements) && l.forms().contains(query.form()))
        .filter(l -> l.destination().equals(query.destination()))
        .filter(l -> l.endUse().equals(query.endUse()))
        .filter(l -> needed == null ? l.remainingKg().signum() > 0 : l.remainingKg().compareTo(needed) >= 0)
        .max(Comparator.comparing(Licence::validTo)
            .thenComparing(Licence::remainingKg)
            .thenComparing(l -> l.id().toString(), Comparator.reverseOrder()));
  }
}
