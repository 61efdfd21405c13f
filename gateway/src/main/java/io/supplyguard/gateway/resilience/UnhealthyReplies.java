package io.supplyguard.gateway.resilience;

import io.vertx.circuitbreaker.FailurePolicy;
import io.vertx.core.Future;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;

/**
 * Which outcomes of a bus request count against a downstream's circuit: only those that say the
 * service itself is unwell — no answer in time (TIMEOUT), nobody listening (NO_HANDLERS) or the
 * bus unable to deliver (ERROR). A reply the service wrote on purpose, a 404 or a 409 or even a
 * 503 because its database is away, proves it alive: the database has its own readiness check,
 * and counting such replies would let one tenant's bad requests cut every tenant off.
 */
final class UnhealthyReplies implements FailurePolicy<JsonObject> {

  @Override
  public boolean test(Future<JsonObject> outcome) {
    return outcome.failed() && isUnhealthy(outcome.cause());
  }

  static boolean isUnhealthy(Throwable failure) {
    if (failure instanceof ReplyException reply) {
      return switch (reply.failureType()) {
        case TIMEOUT, NO_HANDLERS, ERROR -> true;
        case RECIPIENT_FAILURE -> false;
      };
    }
    return false;
  }
}
