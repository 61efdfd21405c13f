package io.supplyguard.common.logging;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;

/**
 * The request a piece of work belongs to. Its id is kept on a Vert.x duplicated context (one
 * per request), which every callback of that request's futures runs on, so it follows the
 * request across asynchronous hops where a thread-local MDC would not;
 * {@link RequestIdTurboFilter} copies it into each log line.
 */
public final class RequestScope {
  private static final String KEY = "supplyguard.requestId";

  private RequestScope() {
  }

  /**
   * Runs {@code work} on a context of its own that carries {@code requestId}: everything it
   * starts, and every callback of that, logs with the id.
   */
  public static void run(Vertx vertx, String requestId, Runnable work) {
    ContextInternal request = ((ContextInternal) vertx.getOrCreateContext()).duplicate();
    if (requestId != null) {
      request.putLocal(KEY, requestId);
    }
    request.dispatch(work);
  }

  /**
   * Hands {@code work} over to {@code context}'s event loop, on a context of its own that carries
   * {@code requestId}: work passed to another verticle keeps naming its request.
   */
  public static void runOn(Context context, String requestId, Runnable work) {
    ContextInternal request = ((ContextInternal) context).duplicate();
    if (requestId != null) {
      request.putLocal(KEY, requestId);
    }
    request.runOnContext(v -> work.run());
  }

  /**
   * Tags the current context with {@code requestId} when it is already a request's own
   * (duplicated) context, as Vert.x Web gives each HTTP request; never a shared event loop.
   */
  public static void tag(String requestId) {
    if (Vertx.currentContext() instanceof ContextInternal context && context.isDuplicate()) {
      context.putLocal(KEY, requestId);
    }
  }

  /** The id of the request running now, or null outside any request. */
  public static String current() {
    Context context = Vertx.currentContext();
    return context instanceof ContextInternal internal && internal.isDuplicate() ? internal.getLocal(KEY) : null;
  }
}
