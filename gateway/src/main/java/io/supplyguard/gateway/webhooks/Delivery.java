package io.supplyguard.gateway.webhooks;

import io.supplyguard.gateway.events.ChangeEvent;

/** A delivery this replica has claimed: the attempt to make, where to, signed with what. */
record Delivery(long id, int attempt, String url, String secret, ChangeEvent event) {
}
