package io.supplyguard.inventory.position;

/** Which stock position: a tenant's site holding a material. */
public record PositionKey(String tenantId, String siteId, String materialId) {
  /** Before every key in key order: where reading in key order starts. */
  public static final PositionKey FIRST = new PositionKey("", "", "");

  /** A key for bus batches; unique within one tenant's batch. */
  public String batchKey() {
    return siteId + "/" + materialId;
  }
}
