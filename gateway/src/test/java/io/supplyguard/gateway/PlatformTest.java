package io.supplyguard.gateway;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One {@link TestPlatform} with the default settings for all the tests of a class. A class that needs more (a tenant,
 * data) adds its own {@code @BeforeAll}, which JUnit runs after this one.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PlatformTest {
  protected TestPlatform platform;

  @BeforeAll
  void startPlatform(Vertx vertx, VertxTestContext test) {
    TestPlatform.start(vertx).onComplete(test.succeeding(started -> {
      platform = started;
      test.completeNow();
    }));
  }
}
