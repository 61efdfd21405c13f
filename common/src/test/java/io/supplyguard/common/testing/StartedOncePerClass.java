package io.supplyguard.common.testing;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the tests of a class share (services on a fresh database, a platform), started once before the first test on
 * the Vert.x the extension gives the class: a start per test would pay the migrations each time.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class StartedOncePerClass {
  @BeforeAll
  protected final void startOnce(Vertx vertx, VertxTestContext test) {
    start(vertx).onComplete(test.succeedingThenComplete());
  }

  /** Starts what the class's tests use and keeps it in a field; a failure fails the class. */
  protected abstract Future<?> start(Vertx vertx);
}
