package io.supplyguard.gateway.webhooks;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Whether a webhook's host may be called: with private addresses refused, every address the
 * name resolves to must be public. Checked at registration and again before each delivery,
 * since what a name resolves to can change.
 */
final class HostCheck {
  private final Vertx vertx;
  private final boolean allowPrivate;

  HostCheck(Vertx vertx, boolean allowPrivate) {
    this.vertx = vertx;
    this.allowPrivate = allowPrivate;
  }

  /** Why the URL's host may not be called, or empty when it may. */
  Future<Optional<String>> problem(String url) {
    if (allowPrivate) {
      return Future.succeededFuture(Optional.empty());
    }
    String host = WebhookUrl.host(url);
    // The JDK resolver blocks: off the event loop.
    return vertx.executeBlocking(() -> {
      try {
        InetAddress[] addresses = InetAddress.getAllByName(host);
        return Arrays.stream(addresses).allMatch(AddressPolicy::isPublic) ? Optional.<String>empty()
            : Optional.of("resolves to a private, loopback or link-local address, which this gateway does not call");
      } catch (UnknownHostException e) {
        return Optional.of("names a host that cannot be resolved");
      }
    }, false);
  }
}
