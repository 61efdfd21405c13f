package io.supplyguard.common.bus;

/**
 * Event-bus addresses: the contract between the gateway and the services.
 *
 * <p>Request/reply addresses are named {@code <service>.<aggregate>.<verb>}; events are named
 * {@code <aggregate>.<past-tense>} and are only ever published. What each address accepts and
 * answers is in {@code openapi/bus-contract.yaml}, written in terms of the OpenAPI document's
 * schemas and checked by {@link BusContract}; who may call it is the {@code x-roles} of the
 * operation the gateway forwards. Every request carries the {@link BusHeaders}.
 */
public final class Addresses {

  // --- licence-service: the regime -------------------------------------------------------

  public static final String REGIME_ELEMENTS = "licence.regime.elements";
  public static final String REGIME_MEASURES = "licence.regime.measures";
  public static final String REGIME_MEASURE_GET = "licence.regime.measure.get";
  public static final String REGIME_MEASURE_CREATE = "licence.regime.measure.create";
  public static final String REGIME_MEASURE_AMEND = "licence.regime.measure.amend";
  public static final String REGIME_SUSPENSION_ADD = "licence.regime.suspension.add";
  public static final String REGIME_SUSPENSION_LIFT = "licence.regime.suspension.lift";
  public static final String REGIME_SUSPENSION_RENEWAL = "licence.regime.suspension.renewal";
  public static final String REGIME_HISTORY = "licence.regime.history";
  public static final String REGIME_DENIAL_PROBABILITIES = "licence.regime.denial-probabilities";
  public static final String REGIME_DENIAL_PROBABILITY_SET = "licence.regime.denial-probability.set";
  public static final String REGIME_ANNOUNCEMENT_APPLY = "licence.regime.announcement.apply";
  public static final String REGIME_LISTED_PARTIES = "licence.regime.listed-parties";
  public static final String REGIME_LISTED_PARTIES_IMPORT = "licence.regime.listed-parties.import";

  // --- licence-service: licences --------------------------------------------------------

  public static final String LICENCE_REGISTER = "licence.licences.register";
  public static final String LICENCE_GET = "licence.licences.get";
  public static final String LICENCE_LIST = "licence.licences.list";
  public static final String LICENCE_TRANSITION = "licence.licences.transition";
  public static final String LICENCE_DRAWDOWN = "licence.licences.drawdown";
  public static final String LICENCE_HISTORY = "licence.licences.history";
  public static final String LICENCE_CHECK = "licence.check";
  public static final String SUPPLY_CONDITIONS = "licence.conditions";

  // --- inventory-service ----------------------------------------------------------------

  public static final String MATERIALS_LIST = "inventory.materials.list";
  public static final String MATERIALS_GET = "inventory.materials.get";
  public static final String MATERIALS_CREATE = "inventory.materials.create";
  public static final String SITES_CREATE = "inventory.sites.create";
  public static final String SITES_LIST = "inventory.sites.list";
  public static final String POSITIONS_UPSERT = "inventory.positions.upsert";
  public static final String POSITIONS_GET = "inventory.positions.get";
  public static final String RECOMMENDATION_GET = "inventory.recommendations.get";
  public static final String RECOMMENDATIONS_LIST = "inventory.recommendations.list";
  public static final String ALERTS_LIST = "inventory.alerts.list";
  public static final String SCENARIOS_RUN = "inventory.scenarios.run";
  public static final String SCENARIOS_REGIME_CHANGE = "inventory.scenarios.regime-change";
  public static final String POSITIONS_SIMULATE = "inventory.positions.simulate";

  // --- events (publish only) ------------------------------------------------------------

  public static final String REGIME_CHANGED = "regime.changed";
  public static final String LICENCE_CHANGED = "licence.changed";
  public static final String INVENTORY_RECOMPUTED = "inventory.recomputed";

  // --- deliveries (point to point, acknowledged) -------------------------------------------

  public static final String EVENT_LOG_ALERTS = "gateway.event-log.alerts";

  private Addresses() {
  }
}
