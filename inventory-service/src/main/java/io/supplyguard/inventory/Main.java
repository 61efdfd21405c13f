package io.supplyguard.inventory;

import io.supplyguard.common.bootstrap.ServiceRunner;

/** Starts the inventory-service in its own JVM, clustered. */
public final class Main {
  private Main() {
  }

  public static void main(String[] args) {
    ServiceRunner.run(new InventoryService());
  }
}
