package io.supplyguard.gateway.tracing;

import io.supplyguard.common.logging.RequestScope;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Takes the caller's X-Request-Id when it is safe to log, else makes one; echoes it always.
 * A platform handler, so that it runs before any other and every response carries the id.
 */
public final class RequestIds implements PlatformHandler {
  public static final String HEADER = "X-Request-Id";
  private static final String CONTEXT_KEY = "requestId";
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  @Override
  public void handle(RoutingContext ctx) {
    String given = ctx.request().getHeader(HEADER);
    String id = given != null && SAFE.matcher(given).matches() ? given : newId();
    ctx.put(CONTEXT_KEY, id);
    RequestScope.tag(id);
    ctx.response().putHeader(HEADER, id);
    ctx.next();
  }

  /**
   * A random (version 4) UUID from the event loop's own generator. A request id must be unique,
   * not unguessable; {@code UUID.randomUUID()} draws from SecureRandom, which every event loop
   * would queue for behind one lock.
   */
  static String newId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(high, low).toString();
  }

  public static String of(RoutingContext ctx) {
    String id = ctx.get(CONTEXT_KEY);
    return id != null ? id : "unknown";
  }
}
