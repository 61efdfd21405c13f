package io.supplyguard.deploy;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports chosen at run time, so parallel runs on one machine never collide. They are taken below
 * the kernel's ephemeral range (32768 and up on Linux): a port from that range, free when chosen,
 * can be handed by the kernel to any process's next outgoing connection before the service that
 * was to listen on it starts (a gateway once failed to start with "Address already in use").
 */
final class FreePorts {
  private static final int LOWEST = 20_000;
  private static final int BELOW_EPHEMERAL = 32_000;
  private static final Set<Integer> HANDED_OUT = new HashSet<>();

  private FreePorts() {
  }

  static synchronized int next() {
    for (int attempt = 0; attempt < 1_000; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(LOWEST, BELOW_EPHEMERAL);
      if (!HANDED_OUT.contains(port) && free(port)) {
        HANDED_OUT.add(port);
        return port;
      }
    }
    throw new IllegalStateException("No free port between " + LOWEST + " and " + BELOW_EPHEMERAL);
  }

  private static boolean free(int port) {
    try (ServerSocket socket = new ServerSocket(port)) {
      return true;
    } catch (IOException taken) {
      return false;
    }
  }
}
