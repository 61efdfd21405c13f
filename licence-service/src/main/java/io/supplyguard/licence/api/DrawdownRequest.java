package io.supplyguard.licence.api;

import io.supplyguard.licence.store.Actor;
import io.supplyguard.licence.store.DrawdownRepository.Draw;
import io.supplyguard.licence.store.IdempotencyStore.Claim;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;

/**
 * A drawdown waiting for its batch: what it draws, who asks, its Idempotency-Key's claim (null
 * without a key), and the answer its caller waits for.
 */
record DrawdownRequest(Draw draw, String shipmentRef, Actor actor, Claim claim, Promise<JsonObject> answer) {
}
