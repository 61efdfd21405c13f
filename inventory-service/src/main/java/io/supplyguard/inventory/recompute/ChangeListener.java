package io.supplyguard.inventory.recompute;

import io.supplyguard.common.bus.Addresses;
import io.supplyguard.inventory.store.PositionRepository.Selection;
import io.supplyguard.inventory.store.RecomputeQueue;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns each published change into recompute work: the positions it reaches (a regime change,
 * the positions of its elements and forms, every position when it prohibits all controlled
 * items, those shipping to a country when its denial probability changed; a licence change,
 * the positions that licence could cover) become a job in the {@link RecomputeQueue}, once
 * however many replicas heard the change, and every replica's {@link RecomputeWorker} takes a
 * share of it. A change whose positions a waiting job already selects joins that job, so a
 * burst of drawdowns costs one recompute, not one per drawdown.
 */
public final class ChangeListener {
  private static final Logger LOG = LoggerFactory.getLogger(ChangeListener.class);
  /**
   * How long a licence change waits before its recompute starts. Drawdowns come in bursts (a
   * shipment's lines, a nightly ERP sync): waiting this long lets a burst fold into one recompute.
   */
  private static final Duration LICENCE_SETTLE = Duration.ofMillis(25);
  private static final Duration ENQUEUE_RETRY = Duration.ofSeconds(1);
  private static final int ENQUEUE_ATTEMPTS = 120;

  private final Vertx vertx;
  private final Pool pool;
  private final RecomputeWorker worker;
  private final Clock clock;
  /** Names this replica's daily checks apart from another replica's: each looks for itself. */
  private final String replica = UUID.randomUUID().toString();
  private MessageConsumer<JsonObject> regime;
  private MessageConsumer<JsonObject> licences;

  public ChangeListener(Vertx vertx, Pool pool, RecomputeWorker worker, Clock clock) {
    this.vertx = vertx;
    this.pool = pool;
    this.worker = worker;
    this.clock = clock;
  }

  public Future<Void> start() {
    regime = vertx.eventBus().consumer(Addresses.REGIME_CHANGED, m -> onRegimeChanged(m.body()));
    licences = vertx.eventBus().consumer(Addresses.LICENCE_CHANGED, m -> onLicenceChanged(m.body()));
    return Future.all(regime.completion(), licences.completion()).mapEmpty();
  }

  public Future<Void> stop() {
    return Future.all(regime.unregister(), licences.unregister()).mapEmpty();
  }

  /**
   * The positions last computed before today: after a start (an upgrade may have made every
   * stored recommendation stale), and as each day begins, when a suspension's end or a
   * licence's validTo may move into a position's horizon without any event. Done once queued.
   */
  public Future<Long> recomputeStale() {
    LocalDate today = LocalDate.now(clock);
    return enqueue("stale:" + today + ":" + replica, "new day " + today, new Selection.StaleBefore(today),
        Duration.ZERO);
  }

  private void onRegimeChanged(JsonObject change) {
    String changeId = change.getString("changeId");
    if (change.getBoolean("consigneesAffected", false)) {
      // China's lists of parties changed: every position that names a consignee may screen otherwise
      // (and, should the same change also name elements, theirs below).
      enqueue(changeId + ":consignees", "regime " + change.getString("change") + " (listed parties)",
          new Selection.WithConsignee(), Duration.ZERO);
    }
    Selection selection = RegimeReach.of(change);
    if (selection != null) {
      enqueue(changeId, "regime " + change.getString("change") + " " + RegimeReach.subject(change), selection,
          Duration.ZERO);
    }
  }

  private void onLicenceChanged(JsonObject change) {
    enqueue(change.getString("changeId"), "licence " + change.getString("change") + " " + change.getString("licenceId"),
        new Selection.CoverableBy(change.getString("tenantId"), strings(change.getJsonArray("elements")),
            strings(change.getJsonArray("forms")), change.getString("destination")), LICENCE_SETTLE);
  }

  private Future<Long> enqueue(String changeId, String reason, Selection selection, Duration settle) {
    if (changeId == null) {
      LOG.warn("A change without a changeId was not recomputed: {}", reason);
      return Future.failedFuture("a change without a changeId");
    }
    return enqueue(changeId, reason, selection, settle, 1);
  }

  /** Queued, or tried again a second later while the database is away (other replicas try too). */
  private Future<Long> enqueue(String changeId, String reason, Selection selection, Duration settle, int attempt) {
    return RecomputeQueue.enqueue(pool, changeId, selection, reason, LocalDate.now(clock), settle)
        .onSuccess(job -> worker.wake())
        .recover(e -> {
          if (attempt >= ENQUEUE_ATTEMPTS) {
            LOG.error("Recompute for {} not queued after {} attempts: {}", reason, attempt, e.toString());
            return Future.failedFuture(e);
          }
          LOG.warn("Recompute for {} not queued yet, trying again: {}", reason, e.toString());
          return vertx.timer(ENQUEUE_RETRY.toMillis()).compose(t -> enqueue(changeId, reason, selection, settle,
              attempt + 1));
        });
  }

  private static List<String> strings(JsonArray array) {
    return array == null ? List.of() : array.stream().map(String::valueOf).toList();
  }
}
