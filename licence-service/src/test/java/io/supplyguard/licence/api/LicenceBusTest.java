package io.supplyguard.licence.api;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One licence-service on a fresh database for all the tests of a class: a class per database keeps the tests of one
 * class free to share tenants, and the start (migrations included) is paid once.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LicenceBusTest {
  protected LicenceFixture fixture;

  @BeforeAll
  void start(Vertx vertx, VertxTestContext test) {
    LicenceFixture.start(vertx).onComplete(test.succeeding(started -> {
      fixture = started;
      test.completeNow();
    }));
  }
}
