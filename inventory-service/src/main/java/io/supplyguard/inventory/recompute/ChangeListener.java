package io.supplyguard.inventory.recompute;

import io.supplyguard.common.bus.Addresses;
import io.supplyguard.inventory.store.PositionRepository.Selection;
import io.supplyguard.inventory.store.RecomputeLock;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recomputes exactly the positions a published change reaches: a regime change, the positions
 * of its elements and forms (every position when it prohibits all controlled items; those
 * shipping to a country when its denial probability changed); a licence
 * change, the positions that licence could cover. Recomputes run one after another, in the
 * order the changes arrived, and one at a time across replicas ({@link RecomputeLock}), so that
 * two never race on the same position. A change whose positions are already queued joins that
 * recompute, so the queue holds each selection at most once however fast changes come.
 */
public final class ChangeListener {
  private static final Logger LOG = LoggerFactory.getLogger(ChangeListener.class);
  /**
   * How long a licence change waits before its recompute starts. Drawdowns come in bursts (a
   * shipment's lines, a nightly ERP sync): waiting this long lets a burst fold into one recompute.
   */
  private static final Duration LICENCE_SETTLE = Duration.ofMillis(25);

  private final Vertx vertx;
  private final Recomputer recomputer;
  private final RecomputeLock lock;
  private final Clock clock;
  private MessageConsumer<JsonObject> regime;
  private MessageConsumer<JsonObject> licences;
  private Future<?> tail = Future.succeededFuture();
  private final Map<Selection, Waiting> queued = new HashMap<>();

  public ChangeListener(Vertx vertx, Recomputer recomputer, RecomputeLock lock, Clock clock) {
    this.vertx = vertx;
    this.recomputer = recomputer;
    this.lock = lock;
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
   * The positions last computed before today: after a restart, and as each day begins, when a
   * suspension's end or a licence's validTo may move into a position's horizon without any event.
   */
  public Future<Recomputer.Result> recomputeStale() {
    LocalDate today = LocalDate.now(clock);
    return enqueue("new day " + today, new Selection.StaleBefore(today));
  }

  private void onRegimeChanged(JsonObject change) {
    if (change.getBoolean("consigneesAffected", false)) {
      // China's lists of parties changed: every position that names a consignee may screen otherwise
      // (and, should the same change also name elements, theirs below).
      enqueue("regime " + change.getString("change") + " (listed parties)", new Selection.WithConsignee());
    }
    Selection selection = RegimeReach.of(change);
    if (selection != null) {
      enqueue("regime " + change.getString("change") + " " + RegimeReach.subject(change), selection);
    }
  }

  private void onLicenceChanged(JsonObject change) {
    enqueue("licence " + change.getString("change") + " " + change.getString("licenceId"),
        new Selection.CoverableBy(change.getString("tenantId"), strings(change.getJsonArray("elements")),
            strings(change.getJsonArray("forms")), change.getString("destination")), LICENCE_SETTLE);
  }

  private Future<Recomputer.Result> enqueue(String why, Selection selection) {
    return enqueue(why, selection, Duration.ZERO);
  }

  /** The same, starting no sooner than {@code settle} from now, so that changes coming right after fold in. */
  private Future<Recomputer.Result> enqueue(String why, Selection selection, Duration settle) {
    Waiting waiting = queued.get(selection);
    if (waiting != null) {
      // The same positions are already queued and not started: that recompute reads this change
      // too. A burst of drawdowns on a licence thus costs one recompute, not one per drawdown.
      waiting.folded++;
      return waiting.result.future();
    }
    Waiting queuedNow = new Waiting();
    queued.put(selection, queuedNow);
    String requestId = "recompute-" + UUID.randomUUID();
    Promise<Void> settled = Promise.promise();
    if (settle.isZero()) {
      settled.complete();
    } else {
      vertx.setTimer(settle.toMillis(), t -> settled.complete());
    }
    Future<Recomputer.Result> next = tail.transform(previous -> settled.future()).compose(v -> {
      queued.remove(selection);
      String reason = queuedNow.folded == 0 ? why : why + " and " + queuedNow.folded + " more changes";
      long started = System.nanoTime();
      return lock.exclusively(() -> recomputer.recompute(selection, LocalDate.now(clock), requestId))
          .onSuccess(r -> {
            long millis = (System.nanoTime() - started) / 1_000_000;
            // A change that reached no position (a drawdown on a licence nobody plans with) is routine.
            (r.positions() == 0 ? LOG.atDebug() : LOG.atInfo()).log("Recomputed {} positions ({} alerts) in {} ms for {}",
                r.positions(), r.alerts(), millis, reason);
            vertx.eventBus().publish(Addresses.INVENTORY_RECOMPUTED, new JsonObject().put("reason", reason)
                .put("changes", 1 + queuedNow.folded).put("positions", r.positions()).put("alerts", r.alerts())
                .put("durationMs", millis));
          })
          .onFailure(e -> LOG.warn("Recompute for {} failed: {}", reason, e.toString()));
    });
    next.onComplete(queuedNow.result);
    tail = next;
    return queuedNow.result.future();
  }

  /** A recompute queued and not started yet, and how many later changes it will answer too. */
  private static final class Waiting {
    final Promise<Recomputer.Result> result = Promise.promise();
    int folded;
  }

  private static List<String> strings(JsonArray array) {
    return array == null ? List.of() : array.stream().map(String::valueOf).toList();
  }
}
