package io.supplyguard.common.testing;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Blocks a test's own thread (never an event loop) on a future, with a bound. */
public final class Await {

  private Await() {
  }

  public static <T> T result(Future<T> future) throws Exception {
    return result(future, Duration.ofSeconds(60));
  }

  public static <T> T result(Future<T> future, Duration timeout) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }
}
