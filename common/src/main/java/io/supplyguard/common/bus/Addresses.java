package io.supplyguard.common.bus;

/**
 * Event-bus addresses: the contract between the gateway and the services.
 *
 * <p>Request/reply addresses are named {@code <service>.<aggregate>.<verb>}; events are named
 * {@code <aggregate>.<past-tense>} and are only ever published. Bodies are JSON objects whose
 * field names are those of the public API (the gateway's OpenAPI document); every request
 * carries the {@link BusHeaders}. Dates are {@code YYYY-MM-DD}, quantities kg as numbers.
 */
public final class Addresses {

  // --- licence-service: the regime -------------------------------------------------------

  /** Restriction state of every element on a date. {@code {asOf?}} → {@code {asOf, elements}}. */
  public static final String REGIME_ELEMENTS = "licence.regime.elements";
  /** Every measure with scope, dates, suspensions. {@code {}} → {@code {measures}}. */
  public static final String REGIME_MEASURES = "licence.regime.measures";
  /** One measure. {@code {id}} → measure. */
  public static final String REGIME_MEASURE_GET = "licence.regime.measure.get";
  /** ADMIN. A new measure: the measure's fields → measure. */
  public static final String REGIME_MEASURE_CREATE = "licence.regime.measure.create";
  /** ADMIN. Amend a measure: {@code {id, <fields to change>}} → measure. */
  public static final String REGIME_MEASURE_AMEND = "licence.regime.measure.amend";
  /** ADMIN. {@code {measureId, from, until, reference, issuedOn?, source?}} → suspension. */
  public static final String REGIME_SUSPENSION_ADD = "licence.regime.suspension.add";
  /** ADMIN. End a suspension early: {@code {measureId, suspensionId, on, reference?}} → suspension. */
  public static final String REGIME_SUSPENSION_LIFT = "licence.regime.suspension.lift";
  /**
   * ADMIN. The probability that a suspension is extended past its last day: {@code {measureId,
   * suspensionId, renewalProbability, note}} → suspension; a suspension whose last day has passed
   * is CONFLICT.
   */
  public static final String REGIME_SUSPENSION_RENEWAL = "licence.regime.suspension.renewal";
  /** ADMIN. The regime's audit trail: {@code {limit?, beforeId?}} → {@code {events}}. */
  public static final String REGIME_HISTORY = "licence.regime.history";
  /**
   * Denial risk by destination: {@code {}} → {@code {default, destinations: [{country,
   * probability, source, updatedAt}]}}; {@code default} applies to every other destination.
   */
  public static final String REGIME_DENIAL_PROBABILITIES = "licence.regime.denial-probabilities";
  /**
   * ADMIN. {@code {country, probability, source}} → {@code {country, probability, source,
   * updatedAt}}; audited and published on {@link #REGIME_CHANGED} as {@code
   * DENIAL_PROBABILITY_SET} with the {@code destination}.
   */
  public static final String REGIME_DENIAL_PROBABILITY_SET = "licence.regime.denial-probability.set";
  /**
   * ADMIN. One announcement applied as one change: {@code {number, issuedOn, title, sourceUrl,
   * measures?: [measure], suspensions?: [{measureId, from, until, reference?, issuedOn?, source?}],
   * listings?: [{list, name, aliases?, country, added?}], dryRun?}} → {@code {announcement,
   * measures: [id], suspensions: [suspension], listings: {added, updated, unchanged}, changeId}};
   * with {@code dryRun} true nothing is stored → {@code {dryRun: true, announcement, measures,
   * suspensions, listings, tenants}} as {@link #SCENARIOS_REGIME_CHANGE} answers. Every invalid part
   * is named in one BAD_REQUEST ({@code measures[1].elements}); a conflict with the stored regime
   * is CONFLICT naming the part.
   */
  public static final String REGIME_ANNOUNCEMENT_APPLY = "licence.regime.announcement.apply";
  /**
   * China's lists of foreign parties (docs/regime.md, "Listed parties"): {@code {asOf?, name?,
   * list?}} → {@code {asOf, threshold, entries: [{id, list, name, aliases, country, added,
   * removed?, announcement?, source, importId?, score?, matchedName?}]}}: the entries listed on
   * asOf; with a name, those it matches (score at least the threshold), best first.
   */
  public static final String REGIME_LISTED_PARTIES = "licence.regime.listed-parties";
  /**
   * ADMIN. A list file: {@code {format: CSV | FTM, source, list?, content}} → {@code {importId?,
   * changed, added, updated, removed, unchanged, skipped, lists}}; applied idempotently, audited
   * and published on {@link #REGIME_CHANGED} as {@code LISTED_PARTIES_IMPORTED} with {@code
   * consigneesAffected: true} when it changed anything.
   */
  public static final String REGIME_LISTED_PARTIES_IMPORT = "licence.regime.listed-parties.import";

  // --- licence-service: licences --------------------------------------------------------

  /** TENANT. Register a licence: the licence's fields → licence. */
  public static final String LICENCE_REGISTER = "licence.licences.register";
  /** Owner or ADMIN. {@code {id}} → licence; another tenant's is NOT_FOUND. */
  public static final String LICENCE_GET = "licence.licences.get";
  /** {@code {status?, element?, expiringWithinDays?, asOf?, limit?, offset?}} → {@code {licences}}. */
  public static final String LICENCE_LIST = "licence.licences.list";
  /** Owner. {@code {id, status, reason?}} → licence; an illegal transition is CONFLICT. */
  public static final String LICENCE_TRANSITION = "licence.licences.transition";
  /**
   * Owner. {@code {id, quantityKg, shipmentRef}}, header {@link BusHeaders#IDEMPOTENCY_KEY} →
   * {@code {id, licenceId, quantityKg, shipmentRef, drawnAt, drawnKg, remainingKg,
   * licenceStatus}}; over the cap, not ACTIVE or outside validity is CONFLICT.
   */
  public static final String LICENCE_DRAWDOWN = "licence.licences.drawdown";
  /** Owner. {@code {id}} → {@code {events}}: the licence's audit trail. */
  public static final String LICENCE_HISTORY = "licence.licences.history";
  /**
   * Does a shipment need a licence: {@code {elements, form, destination, endUse, quantityKg?,
   * asOf?, horizonDays?}} → {@code {decision: NOT_REQUIRED | COVERED | LICENCE_REQUIRED |
   * PROHIBITED, denialProbability, denialSource, ...}}: the denial probability of the destination,
   * and its source (null when it is the configured default).
   */
  public static final String LICENCE_CHECK = "licence.check";
  /**
   * The supply condition of many positions of one tenant in one round trip
   * (docs/buffer-model.md, "Supply condition"):
   * {@code {asOf, positions: [{key, elements, form, destination, endUse, orderQuantityKg,
   * horizonDays, leadTimeDays}], scenario?: {changes}}} → {@code {reviewDays, determinations:
   * [{condition, measures, suspensionsEndingInHorizon, prohibitions, coveredBy?, futures, denialProbability,
   * denialSource, explanation, ...}], conditions: [{key, condition, determination}]}}: reviewDays is T, the calendar days of
   * MOFCOM's review from asOf; each position points (by index) at its determination, which
   * positions alike share. {@code futures: [{weight, decision, condition, suspensions:
   * [{measureId, suspensionId, reference, until, extended}], coveredBy?}]} splits the determination
   * by the renewal probabilities of the suspensions ending inside the horizon (docs/regime.md,
   * "Futures"); the first is the regime as announced. With a scenario, the conditions are those the hypothetical changes
   * would give; nothing is stored.
   */
  public static final String SUPPLY_CONDITIONS = "licence.conditions";

  // --- inventory-service ----------------------------------------------------------------

  /** The material catalogue. {@code {}} → {@code {materials}}. */
  public static final String MATERIALS_LIST = "inventory.materials.list";
  /** One material. {@code {id}} → material; unknown is NOT_FOUND. */
  public static final String MATERIALS_GET = "inventory.materials.get";
  /** ADMIN. A new material: {@code {id, name, form, elements}} → material. */
  public static final String MATERIALS_CREATE = "inventory.materials.create";
  /** TENANT. {@code {id, name, country?}} → site. */
  public static final String SITES_CREATE = "inventory.sites.create";
  /** The tenant's sites. {@code {}} → {@code {sites}}. */
  public static final String SITES_LIST = "inventory.sites.list";
  /**
   * TENANT. Create or replace a stock position: {@code {siteId, materialId, onHand, onOrder,
   * demandMeanPerDay, demandStdPerDay, leadTimeMeanDays, leadTimeStdDays, serviceLevel?,
   * reviewPeriodDays?, orderQuantity?, endUse, destination, alternateSource?}} → {@code
   * {position, recommendation}}.
   */
  public static final String POSITIONS_UPSERT = "inventory.positions.upsert";
  /** Owner. {@code {siteId, materialId}} → position. */
  public static final String POSITIONS_GET = "inventory.positions.get";
  /** Owner. {@code {siteId, materialId, asOf?}} → recommendation, computed for that date. */
  public static final String RECOMMENDATION_GET = "inventory.recommendations.get";
  /** The tenant's stored recommendations: {@code {status?, limit?, offset?}} → {@code {recommendations}}. */
  public static final String RECOMMENDATIONS_LIST = "inventory.recommendations.list";
  /** The tenant's alerts: {@code {status?, siteId?, materialId?, limit?, beforeId?}} → {@code {alerts}}. */
  public static final String ALERTS_LIST = "inventory.alerts.list";
  /**
   * What-if: {@code {asOf?, changes: [...]}} → {@code {positions: [{siteId, materialId, now,
   * scenario}]}} for every position of the tenant the changes affect; nothing is stored.
   */
  public static final String SCENARIOS_RUN = "inventory.scenarios.run";
  /**
   * ADMIN. What-if over every tenant a regime change would reach: {@code {change, scenario:
   * {changes}, asOf?}}, {@code change} a {@link #REGIME_CHANGED} payload that selects the
   * positions as a published change would, {@code scenario} the hypothetical changes that make it
   * → {@code {asOf, tenants: [{tenantId, positions: [{siteId, materialId, from: {condition,
   * reorderPoint, status}, to: {...}}]}]}}: the positions whose condition, status or reorder point
   * would change, now and under the scenario. Nothing is stored.
   */
  public static final String SCENARIOS_REGIME_CHANGE = "inventory.scenarios.regime-change";
  /** Owner. Monte Carlo of a position's policy: {@code {siteId, materialId, asOf?, horizonDays?, replications?, seed?}}. */
  public static final String POSITIONS_SIMULATE = "inventory.positions.simulate";

  // --- events (publish only) ------------------------------------------------------------

  /**
   * The regime changed, by an operator or because a date passed: {@code {changeId, change,
   * measureId, elements, forms, effectiveFrom, dates, at}}. A denial probability set for a
   * destination ({@code DENIAL_PROBABILITY_SET}) has no measureId and no elements; it names the
   * {@code destination}, its {@code probability}, {@code previousProbability} and {@code source}.
   */
  public static final String REGIME_CHANGED = "regime.changed";
  /**
   * A licence changed: {@code {changeId, change, tenantId, licenceId, elements, forms,
   * destination, status, remainingKg, validTo, at}}.
   */
  public static final String LICENCE_CHANGED = "licence.changed";
  /**
   * A recompute job finished, announced by the replica that stored its last part: {@code {jobId,
   * reason, changes, positions, alerts, durationMs}}; {@code changes} is how many published
   * changes the job answered (several when a burst folded into one).
   */
  public static final String INVENTORY_RECOMPUTED = "inventory.recomputed";

  // --- deliveries (point to point, acknowledged) -------------------------------------------

  /**
   * Gateway, from the inventory-service's alert outbox: {@code {alerts: [{id, tenantId, siteId,
   * materialId, fromStatus?, toStatus, condition, asOf, raisedAt}]}} → {@code {appended}} once the
   * event log holds every one of them (those it held already are not appended again).
   */
  public static final String EVENT_LOG_ALERTS = "gateway.event-log.alerts";

  private Addresses() {
  }
}
