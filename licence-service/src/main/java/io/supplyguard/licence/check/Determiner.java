package io.supplyguard.licence.check;

import io.supplyguard.licence.regime.Measure;
import io.supplyguard.licence.regime.MeasureKind;
import io.supplyguard.licence.regime.Suspension;
import io.supplyguard.licence.registry.Licence;
import io.supplyguard.licence.registry.LicenceStatus;
import io.supplyguard.licence.screening.ScreeningMatch;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides whether a supply needs a licence, per docs/regime.md ("Whether a supply needs a
 * licence") and docs/buffer-model.md ("Supply condition"): a licence requirement counts when it
 * covers one of the material's elements and its form and bites on ANY day of the horizon, so a
 * suspension that ends inside the horizon protects nothing. Rules are tried from the strongest:
 * PROHIBITED, then COVERED by one licence that covers the supply whole, then LICENCE_REQUIRED;
 * NOT_REQUIRED when nothing counts.
 */
public final class Determiner {

  private Determiner() {
  }

  public static Determination determine(SupplyQuery query, List<Measure> regime, List<Licence> tenantLicences) {
    LocalDate from = query.asOf();
    LocalDate to = query.horizonEnd();
    List<Measure> covering = regime.stream()
        .filter(m -> m.kind() == MeasureKind.LICENCE_REQUIRED && m.covers(query.elements(), query.form()))
        .sorted(Comparator.comparing(Measure::id))
        .toList();
    List<Measure> counting = covering.stream().filter(m -> m.appliesDuring(from, to)).toList();
    Set<String> countingElements = new TreeSet<>();
    counting.forEach(m -> query.elements().stream().filter(m::covers).forEach(countingElements::add));
    List<SuspensionEnd> ending = suspensionsEnding(covering, from, to);
    boolean controlled = !counting.isEmpty();

    List<Measure> prohibitions = regime.stream()
        .filter(m -> !m.prohibitedEndUses().isEmpty() || m.kind() == MeasureKind.PROHIBITION)
        .filter(m -> m.kind() != MeasureKind.LICENCE_REQUIRED && m.appliesDuring(from, to))
        .filter(m -> m.covers(query.elements(), query.form()) || (m.coversAllControlled() && controlled))
        .filter(m -> m.destinations().isEmpty() || m.destinations().contains(query.destination()))
        .filter(m -> m.prohibitedEndUses().isEmpty() || m.prohibitedEndUses().contains(query.endUse()))
        .sorted(Comparator.comparing(Measure::id))
        .toList();

    if (!prohibitions.isEmpty()) {
      return new Determination(query, Decision.PROHIBITED, counting, countingElements, ending, prohibitions, null, null);
    }
    if (!controlled) {
      return new Determination(query, Decision.NOT_REQUIRED, counting, countingElements, ending, prohibitions, null, null);
    }
    Optional<Licence> licence = coveringLicence(query, countingElements, tenantLicences);
    if (licence.isEmpty()) {
      return new Determination(query, Decision.LICENCE_REQUIRED, counting, countingElements, ending, prohibitions,
          null, null, LapsingLicence.of(query, countingElements, tenantLicences).orElse(null), null);
    }
    BigDecimal after = query.quantityKg() == null ? null : licence.get().remainingKg().subtract(query.quantityKg());
    return new Determination(query, Decision.COVERED, counting, countingElements, ending, prohibitions,
        licence.get(), after);
  }

  /**
   * The determination as screening the consignee makes it (docs/regime.md, "Screening"): a
   * consignee on the Control List or the Unreliable Entity List makes the supply PROHIBITED; one
   * on the Watch List makes it LICENCE_REQUIRED (no licence the tenant holds counts: they do not
   * name their consignee, and a Watch List party's exports need end-user checks of their own)
   * unless a measure prohibits it already. Whatever the regime's measures say: the platform plans
   * no supply to a listed party on their account.
   *
   * @param match the consignee's match, or null when it has none (the determination is unchanged)
   */
  public static Determination screened(Determination d, ScreeningMatch match) {
    if (match == null) {
      return d;
    }
    Decision decision = match.entry().list().prohibits() || d.decision() == Decision.PROHIBITED
        ? Decision.PROHIBITED : Decision.LICENCE_REQUIRED;
    return new Determination(d.query(), decision, d.counting(), d.countingElements(), d.suspensionsEnding(),
        d.prohibitions(), null, null, d.lapsesTooSoon(), match);
  }

  /**
   * One ACTIVE licence that covers every counting element, the form, the destination and the end
   * use, with enough left and valid long enough. Of several, the one that lapses first, so that the
   * longer ones are kept for later.
   */
  static Optional<Licence> coveringLicence(SupplyQuery query, Set<String> countingElements, List<Licence> licences) {
    LocalDate validUntilAtLeast = query.asOf().plusDays(query.coverageDays());
    BigDecimal needed = query.quantityKg();
    return licences.stream()
        .filter(l -> l.status() == LicenceStatus.ACTIVE)
        .filter(l -> !l.validFrom().isAfter(query.asOf()) && !l.validTo().isBefore(validUntilAtLeast))
        .filter(l -> l.elements().containsAll(countingElements) && l.forms().contains(query.form()))
        .filter(l -> l.destination().equals(query.destination()))
        .filter(l -> l.endUse().equals(query.endUse()))
        .filter(l -> needed == null ? l.remainingKg().signum() > 0 : l.remainingKg().compareTo(needed) >= 0)
        .min(Comparator.comparing(Licence::validTo)
            .thenComparing(Licence::remainingKg, Comparator.reverseOrder())
            .thenComparing(l -> l.id().toString()));
  }

  /** Suspensions of covering requirements whose last day falls inside the horizon, before its end. */
  private static List<SuspensionEnd> suspensionsEnding(List<Measure> covering, LocalDate from, LocalDate to) {
    List<SuspensionEnd> ending = new ArrayList<>();
    for (Measure m : covering) {
      for (Suspension s : m.suspensions()) {
        LocalDate last = s.lastDay();
        boolean endsInside = !last.isBefore(from) && last.isBefore(to) && !last.isBefore(s.from());
        boolean extended = m.suspendedOn(last.plusDays(1));
        boolean inForceAfter = m.inForceOn(last.plusDays(1));
        if (endsInside && !extended && inForceAfter) {
          ending.add(new SuspensionEnd(m.id(), s.reference(), last));
        }
      }
    }
    return ending;
  }
}
