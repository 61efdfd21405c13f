package io.supplyguard.licence.registry;

import static io.supplyguard.licence.registry.LicenceStatus.ACTIVE;
import static io.supplyguard.licence.registry.LicenceStatus.APPLIED;
import static io.supplyguard.licence.registry.LicenceStatus.DENIED;
import static io.supplyguard.licence.registry.LicenceStatus.REVOKED;
import static io.supplyguard.licence.registry.LicenceStatus.SUSPENDED;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The transitions a licence's owner may make. EXPIRED (at validTo) and EXHAUSTED (drawn to
 * the cap) are never asked for: they happen by themselves.
 */
public final class LicenceLifecycle {
  private static final Map<LicenceStatus, Set<LicenceStatus>> BY_OWNER = Map.of(
      APPLIED, EnumSet.of(ACTIVE, DENIED),
      ACTIVE, EnumSet.of(SUSPENDED, REVOKED),
      SUSPENDED, EnumSet.of(ACTIVE));

  private LicenceLifecycle() {
  }

  public static Set<LicenceStatus> allowedFrom(LicenceStatus from) {
    return BY_OWNER.getOrDefault(from, EnumSet.noneOf(LicenceStatus.class));
  }

  public static boolean allowed(LicenceStatus from, LicenceStatus to) {
    return allowedFrom(from).contains(to);
  }

  /** Statuses a licence may be registered in: an application, or a licence already granted. */
  public static boolean canStartIn(LicenceStatus status) {
    return status == APPLIED || status == ACTIVE;
  }
}
