package io.supplyguard.gateway;

import io.supplyguard.common.testing.StartedOncePerClass;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * One {@link TestPlatform} with the default settings for all the tests of a class. A class that needs more (a tenant,
 * data) adds its own {@code @BeforeAll}, which JUnit runs after this one.
 */
abstract class PlatformTest extends StartedOncePerClass {
  protected TestPlatform platform;

  @Override
  protected Future<?> start(Vertx vertx) {
    return TestPlatform.start(vertx).onSuccess(started -> platform = started);
  }
}
