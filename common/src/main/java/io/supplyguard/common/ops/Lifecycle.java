package io.supplyguard.common.ops;

import io.vertx.core.Promise;
import io.vertx.ext.healthchecks.Status;

/** Ready between the end of start and the beginning of stop, and never outside. */
public final class Lifecycle {
  private volatile boolean started;
  private volatile boolean stopping;

  public void started() {
    started = true;
  }

  public void stopping() {
    stopping = true;
  }

  public void check(Promise<Status> promise) {
    promise.complete(started && !stopping ? Status.OK() : Status.KO());
  }
}
