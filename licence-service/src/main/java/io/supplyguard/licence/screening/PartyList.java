package io.supplyguard.licence.screening;

/**
 * China's three lists of foreign parties (docs/regime.md, "Listed parties"), and what a supply to
 * a party on each means for the platform.
 */
public enum PartyList {
  /** MOFCOM's Export Control Control List: exports of controlled items to the party are prohibited. */
  CONTROL_LIST,
  /** MOFCOM's Watch List: extra end-user checks, so a licence (no general licence) and a longer review. */
  WATCH_LIST,
  /**
   * The Unreliable Entity List: measures vary per entry (trade bans, investment bans); the
   * platform takes the conservative reading, a prohibition, as for the Control List.
   */
  UNRELIABLE_ENTITY_LIST;

  /** Whether a consignee on this list makes a supply PROHIBITED (otherwise it needs a licence). */
  public boolean prohibits() {
    return this != WATCH_LIST;
  }
}
