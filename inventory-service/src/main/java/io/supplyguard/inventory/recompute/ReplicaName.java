package io.supplyguard.inventory.recompute;

import java.lang.management.ManagementFactory;
import java.util.UUID;

/** How this replica signs the recompute parts it claims: the process (pid@host) and a start of its own. */
public final class ReplicaName {
  private ReplicaName() {
  }

  public static String of() {
    return ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
  }
}
