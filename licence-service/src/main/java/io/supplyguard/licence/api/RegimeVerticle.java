package io.supplyguard.licence.api;

import io.supplyguard.common.bus.Addresses;
import io.supplyguard.common.bus.BusRequest;
import io.supplyguard.common.bus.BusServer;
import io.supplyguard.common.bus.RequestFields;
import io.supplyguard.licence.regime.Measure;
import io.supplyguard.licence.regime.RestrictionRules;
import io.supplyguard.licence.store.RegimeRepository;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/** Answers questions about the regime on the bus. */
public final class RegimeVerticle extends VerticleBase {
  private final RegimeRepository repository;
  private final Clock clock;
  private final Duration drainTimeout;
  private BusServer bus;

  public RegimeVerticle(RegimeRepository repository, Clock clock, Duration drainTimeout) {
    this.repository = repository;
    this.clock = clock;
    this.drainTimeout = drainTimeout;
  }

  @Override
  public Future<?> start() {
    bus = new BusServer(vertx)
        .handle(Addresses.REGIME_ELEMENTS, this::elements)
        .handle(Addresses.REGIME_MEASURES, this::measures);
    return bus.ready();
  }

  @Override
  public Future<?> stop() {
    return bus.drain(drainTimeout);
  }

  private Future<JsonObject> elements(BusRequest request) {
    LocalDate asOf = RequestFields.optionalDate(request.body(), "asOf").orElseGet(() -> LocalDate.now(clock));
    return Future.all(repository.elements(), repository.measures()).map(both -> {
      List<Measure> regime = both.resultAt(1);
      JsonArray elements = new JsonArray();
      both.<List<io.supplyguard.licence.regime.Element>>resultAt(0).forEach(element ->
          elements.add(RegimeJson.elementStatus(RestrictionRules.stateOf(element, regime, asOf))));
      return new JsonObject().put("asOf", asOf.toString()).put("elements", elements);
    });
  }

  private Future<JsonObject> measures(BusRequest request) {
    return repository.measures().map(measures -> new JsonObject()
        .put("measures", new JsonArray(measures.stream().map(RegimeJson::measure).toList())));
  }
}
