package io.supplyguard.inventory.recompute;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a test can have the service die as a crash would, to show that nothing committed is
 * lost: the setting {@code FAULT_HALT_AT} names the point (empty, the default, names none). The
 * process halts at once, without shutdown hooks, as {@code kill -9} would stop it.
 */
public final class FaultPoint {
  /** A recompute's transaction committed; its alerts are not delivered yet. */
  public static final String AFTER_RECOMPUTE_COMMIT = "after-recompute-commit";

  private static final Logger LOG = LoggerFactory.getLogger(FaultPoint.class);
  private final String armed;

  public FaultPoint(String armed) {
    this.armed = armed == null ? "" : armed.trim();
    if (!this.armed.isEmpty()) {
      LOG.warn("FAULT_HALT_AT is set: this process halts at '{}' (a test of crash recovery)", this.armed);
    }
  }

  public void reached(String point) {
    if (armed.equals(point)) {
      LOG.error("Halting at fault point '{}' as FAULT_HALT_AT asks", point);
      Runtime.getRuntime().halt(137);
    }
  }
}
