package io.supplyguard.gateway.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Which addresses a webhook may be delivered to when private ones are refused: not this host,
 * not the cluster's own networks, not a cloud's metadata service (server-side request forgery).
 */
public final class AddressPolicy {

  private AddressPolicy() {
  }

  public static boolean isPublic(InetAddress address) {
    if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
        || address.isSiteLocalAddress() || address.isMulticastAddress()) {
      return false;
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      return first != 0                                      // "this network"
          && !(first == 100 && second >= 64 && second < 128) // carrier-grade NAT, 100.64.0.0/10
          && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
          && !(first == 198 && (second == 18 || second == 19))    // benchmarking, 198.18.0.0/15
          && first < 240;                                    // reserved and broadcast
    }
    if (address instanceof Inet6Address) {
      return (b[0] & 0xfe) != 0xfc; // unique local, fc00::/7
    }
    return false;
  }
}
