package io.supplyguard.licence.api;

import io.supplyguard.common.testing.StartedOncePerClass;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * One licence-service on a fresh database for all the tests of a class: a class per database keeps the tests of one
 * class free to share tenants, and the start (migrations included) is paid once.
 */
abstract class LicenceBusTest extends StartedOncePerClass {
  protected LicenceFixture fixture;

  @Override
  protected Future<?> start(Vertx vertx) {
    return LicenceFixture.start(vertx).onSuccess(started -> fixture = started);
  }
}
