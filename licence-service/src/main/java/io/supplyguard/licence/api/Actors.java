package io.supplyguard.licence.api;

import io.supplyguard.common.bus.BusRequest;
import io.supplyguard.licence.store.Actor;

/** The actor of a change made over the bus, as its headers name it (the store knows no bus). */
final class Actors {

  private Actors() {
  }

  static Actor of(BusRequest request) {
    return new Actor(request.tenantId(), request.role() == null ? "UNKNOWN" : request.role().name(),
        request.requestId());
  }
}
