package io.supplyguard.gateway;

import io.supplyguard.common.bootstrap.ServiceRunner;

/** Starts the gateway in its own JVM, clustered. */
public final class Main {
  private Main() {
  }

  public static void main(String[] args) {
    ServiceRunner.run(new GatewayService());
  }
}
