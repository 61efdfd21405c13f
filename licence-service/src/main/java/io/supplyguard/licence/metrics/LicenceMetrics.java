package io.supplyguard.licence.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.supplyguard.licence.regime.RestrictionRules;
import io.supplyguard.licence.store.LicenceStats;
import io.supplyguard.licence.store.Regime;
import io.supplyguard.licence.store.RegimeCache;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Business gauges for operators, refreshed from the database on a timer (every replica
 * reports the same figures; dashboards take the max):
 * {@code supplyguard_licences{tenant,status}}, {@code supplyguard_licence_remaining_kg{tenant,status}},
 * {@code supplyguard_licence_utilisation_ratio{tenant,licence}} of ACTIVE licences, and
 * {@code supplyguard_licence_days_to_expiry{tenant,element}} of the soonest-expiring ACTIVE one, and
 * {@code supplyguard_regime_element_state{element,state}}: 1 for each element's state today.
 */
public final class LicenceMetrics {
  private final LicenceStats stats;
  private final RegimeCache regime;
  private final Clock clock;
  private final MultiGauge licences;
  private final MultiGauge remaining;
  private final MultiGauge utilisation;
  private final MultiGauge daysToExpiry;
  private final MultiGauge elementStates;

  public LicenceMetrics(LicenceStats stats, RegimeCache regime, MeterRegistry registry, Clock clock) {
    this.stats = stats;
    this.regime = regime;
    this.clock = clock;
    this.licences = MultiGauge.builder("supplyguard.licences").description("Licences by tenant and status")
        .register(registry);
    this.remaining = MultiGauge.builder("supplyguard.licence.remaining").baseUnit("kg")
        .description("Quantity left to draw, by tenant and status").register(registry);
    this.utilisation = MultiGauge.builder("supplyguard.licence.utilisation.ratio")
        .description("Drawn over cap of each ACTIVE licence").register(registry);
    this.daysToExpiry = MultiGauge.builder("supplyguard.licence.days.to.expiry")
        .description("Days until the soonest-expiring ACTIVE licence of a tenant for an element lapses")
        .register(registry);
    this.elementStates = MultiGauge.builder("supplyguard.regime.element.state")
        .description("1 for the restriction state each rare-earth element is in today").register(registry);
  }

  public Future<Void> refresh() {
    LocalDate today = LocalDate.now(clock);
    return Future.all(stats.byStatus(), stats.utilisation(), stats.soonestExpiry(), regime.get()).map(all -> {
      java.util.List<LicenceStats.StatusCount> counts = all.resultAt(0);
      licences.register(counts.stream().map(c -> MultiGauge.Row.of(
          Tags.of("tenant", c.tenantId(), "status", c.status()), c.licences())).toList(), true);
      remaining.register(counts.stream().map(c -> MultiGauge.Row.of(
          Tags.of("tenant", c.tenantId(), "status", c.status()), c.remainingKg().doubleValue())).toList(), true);
      java.util.List<LicenceStats.Utilisation> ratios = all.resultAt(1);
      utilisation.register(ratios.stream().map(u -> MultiGauge.Row.of(
          Tags.of("tenant", u.tenantId(), "licence", u.licenceId()), u.ratio())).toList(), true);
      java.util.List<LicenceStats.SoonestExpiry> expiries = all.resultAt(2);
      daysToExpiry.register(expiries.stream().map(e -> MultiGauge.Row.of(
          Tags.of("tenant", e.tenantId(), "element", e.element()),
          ChronoUnit.DAYS.between(today, e.validTo()))).toList(), true);
      Regime current = all.resultAt(3);
      elementStates.register(current.elements().stream().map(element -> MultiGauge.Row.of(
          Tags.of("element", element.symbol(), "state",
              RestrictionRules.stateOf(element, current.measures(), today).state().name()), 1)).toList(), true);
      return null;
    });
  }
}
