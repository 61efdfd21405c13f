package io.supplyguard.licence.api;

import io.supplyguard.common.bus.Addresses;
import io.supplyguard.common.bus.BusRequest;
import io.supplyguard.licence.check.DenialProbability;
import io.supplyguard.licence.check.DenialRisk;
import io.supplyguard.licence.events.ChangeEvents;
import io.supplyguard.licence.store.Actor;
import io.supplyguard.licence.store.ChangeLog;
import io.supplyguard.licence.store.DenialProbabilityRepository;
import io.supplyguard.licence.store.DenialRiskCache;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;

/**
 * Denial risk by destination (docs/regime.md, "Denial risk by destination"): read by anyone, set
 * by ADMIN from observed approval rates. A write runs in one transaction with its audit event (in
 * the regime's history) and its {@code regime.changed} message, and is validated first: a bad
 * request changes nothing. Every determination carries the probability of its destination.
 */
final class DenialProbabilities {
  static final String ENTITY = "DENIAL_PROBABILITY";

  private final Pool pool;
  private final DenialProbabilityRepository repository;
  private final DenialRiskCache cache;
  private final Clock clock;
  private final Runnable published;

  DenialProbabilities(Pool pool, DenialProbabilityRepository repository, DenialRiskCache cache, Clock clock,
      Runnable published) {
    this.pool = pool;
    this.repository = repository;
    this.cache = cache;
    this.clock = clock;
    this.published = published;
  }

  /** {@code {}} → {@code {default, destinations: [{country, probability, source, updatedAt}]}}. */
  Future<JsonObject> list(BusRequest request) {
    return repository.all().map(entries -> new JsonObject()
        .put("default", cache.defaultProbability())
        .put("destinations", new JsonArray(entries.stream().map(DenialProbabilities::entry).toList())));
  }

  /** ADMIN. {@code {country, probability, source}} → the entry as stored. */
  Future<JsonObject> set(BusRequest request) {
    request.requireAdmin();
    String country = request.body().getString("country");
    double probability = request.body().getDouble("probability");
    String source = Texts.trimmed(request.body(), "source");
    Actor actor = Actors.of(request);
    String updatedBy = actor.tenantId() != null ? actor.tenantId() : actor.role();
    return pool.withTransaction(tx -> repository.lock(tx, country).compose(before -> repository
            .set(tx, country, BigDecimal.valueOf(probability), source, updatedBy)
            .compose(after -> ChangeLog.audit(tx, actor, ENTITY, country, null, "SET",
                    before.map(DenialProbabilities::entry).orElse(null), entry(after))
                .compose(v -> ChangeLog.publish(tx, Addresses.REGIME_CHANGED, ChangeEvents.denialProbabilitySet(after,
                    before.map(DenialProbability::probability).orElse(cache.defaultProbability()),
                    LocalDate.now(clock), clock.instant())))
                .map(v -> entry(after)))))
        .onSuccess(v -> {
          cache.invalidate();
          published.run();
        });
  }

  static JsonObject entry(DenialProbability p) {
    return new JsonObject()
        .put("country", p.country())
        .put("probability", p.probability())
        .put("source", p.source())
        .put("updatedAt", p.updatedAt().toString());
  }

  /**
   * Adds to a determination (as {@link DeterminationJson} shows it) the denial probability of its
   * destination, {@code denialProbability}, and where it comes from, {@code denialSource} (null
   * for the configured default); a LICENCE_REQUIRED determination's explanation names both.
   */
  static JsonObject annotate(JsonObject determination, DenialRisk risk) {
    String destination = determination.getString("destination");
    DenialProbability entered = risk.entered(destination).orElse(null);
    BigDecimal probability = risk.probability(destination);
    determination.put("denialProbability", probability).put("denialSource", entered == null ? null : entered.source());
    if ("LICENCE_REQUIRED".equals(determination.getString("decision"))) {
      determination.put("explanation", determination.getString("explanation") + " An application for " + destination
          + " is denied with probability " + probability.toPlainString()
          + (entered == null ? " (the configured default: none entered for " + destination + ")."
              : " (" + entered.source() + ")."));
    }
    return determination;
  }
}
