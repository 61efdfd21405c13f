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
  /** ADMIN. The regime's audit trail: {@code {limit?, beforeId?}} → {@code {events}}. */
  public static final String REGIME_HISTORY = "licence.regime.history";

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
   * PROHIBITED, ...}}.
   */
  public static final String LICENCE_CHECK = "licence.check";
  /**
   * The supply condition of many positions of one tenant in one round trip (BUFFER-MODEL.md):
   * {@code {asOf, positions: [{key, elements, form, destination, endUse, orderQuantityKg,
   * horizonDays, leadTimeDays}]}} → {@code {conditions: [{key, condition, ...}]}}.
   */
  public static final String SUPPLY_CONDITIONS = "licence.conditions";

  // --- inventory-service ----------------------------------------------------------------

  /** The material catalogue. {@code {}} → {@code {materials}}. */
  public static final String MATERIALS_LIST = "inventory.materials.list";
  /** One material. {@code {id}} → material; unknown is NOT_FOUND. */
  public static final String MATERIALS_GET = "inventory.materials.get";

  // --- events (publish only) ------------------------------------------------------------

  /**
   * The regime changed, by an operator or because a date passed: {@code {changeId, change,
   * measureId, elements, forms, effectiveFrom, dates, at}}.
   */
  public static final String REGIME_CHANGED = "regime.changed";
  /**
   * A licence changed: {@code {changeId, change, tenantId, licenceId, elements, forms,
   * destination, status, remainingKg, validTo, at}}.
   */
  public static final String LICENCE_CHANGED = "licence.changed";

  private Addresses() {
  }
}
