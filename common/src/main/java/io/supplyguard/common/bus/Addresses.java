package io.supplyguard.common.bus;

/**
 * Event-bus addresses: the contract between the gateway and the services.
 *
 * <p>Request/reply addresses are named {@code <service>.<aggregate>.<verb>}; events are
 * named {@code <aggregate>.<past-tense>} and are only ever published.
 */
public final class Addresses {
  /** Restriction state of every rare-earth element on a date. Body: {@code {asOf?}}. */
  public static final String REGIME_ELEMENTS = "licence.regime.elements";
  /** Every control measure with its scope, dates and suspensions. Body: {@code {}}. */
  public static final String REGIME_MEASURES = "licence.regime.measures";
  /** The material catalogue. Body: {@code {}}. */
  public static final String MATERIALS_LIST = "inventory.materials.list";

  private Addresses() {
  }
}
