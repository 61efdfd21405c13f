package io.supplyguard.licence.check;

import io.supplyguard.licence.regime.Measure;
import io.supplyguard.licence.registry.Licence;
import io.supplyguard.licence.screening.ScreeningMatch;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * The decision for a supply and everything that decided it.
 *
 * @param counting the licence requirements that bite on some day of the horizon
 * @param countingElements the supply's elements those requirements cover
 * @param suspensionsEnding suspensions of covering requirements that end inside the horizon
 * @param prohibitions prohibitions that reach the supply's end use and destination
 * @param coveredBy the licence that covers the supply, when COVERED
 * @param remainingAfterKg what that licence keeps after the shipment, when a quantity was given
 * @param lapsesTooSoon when LICENCE_REQUIRED, a licence that would cover the supply but lapses
 *     before the coverage days are over (see {@link LapsingLicence}); otherwise null
 * @param screening the listed party the consignee matched, when it matched one ({@link Determiner#screened})
 */
public record Determination(
    SupplyQuery query,
    Decision decision,
    List<Measure> counting,
    Set<String> countingElements,
    List<SuspensionEnd> suspensionsEnding,
    List<Measure> prohibitions,
    Licence coveredBy,
    BigDecimal remainingAfterKg,
    Licence lapsesTooSoon,
    ScreeningMatch screening) {

  /** A determination without a lapsing licence or a consignee screened. */
  public Determination(SupplyQuery query, Decision decision, List<Measure> counting, Set<String> countingElements,
      List<SuspensionEnd> suspensionsEnding, List<Measure> prohibitions, Licence coveredBy,
      BigDecimal remainingAfterKg) {
    this(query, decision, counting, countingElements, suspensionsEnding, prohibitions, coveredBy, remainingAfterKg,
        null, null);
  }
}
