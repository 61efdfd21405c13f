package io.supplyguard.inventory.recompute;

import io.supplyguard.common.bus.Addresses;
import io.supplyguard.inventory.metrics.InventoryMetrics;
import io.supplyguard.inventory.store.RecomputeQueue;
import io.supplyguard.inventory.store.RecomputeQueue.Next;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This replica's share of the recompute work: it claims parts of the head job from the
 * {@link RecomputeQueue}, as many at a time as {@code partsInFlight} (so that one part is read
 * and computed while another is stored), until none is left; and it looks again on a timer for
 * jobs other replicas queued and parts whose lease ended. The replica that completes a job's
 * last part announces it on {@link Addresses#INVENTORY_RECOMPUTED}.
 */
public final class RecomputeWorker {
  private static final Logger LOG = LoggerFactory.getLogger(RecomputeWorker.class);
  /** How long finished jobs are kept, for operators looking into a recompute. */
  private static final Duration KEEP_FINISHED = Duration.ofDays(1);
  private static final long PURGE_EVERY_MS = Duration.ofMinutes(10).toMillis();
  private static final long SHORTEST_WAIT_MS = 20;

  /** How this replica takes part. */
  public record Settings(RecomputeQueue.Claimant claimant, int partsInFlight, Duration poll) {
  }

  private final Vertx vertx;
  private final Pool pool;
  private final Recomputer recomputer;
  private final InventoryMetrics metrics;
  private final Settings settings;
  private long pollTimer = -1;
  private long purgeTimer = -1;
  private long waitTimer = -1;
  private int inFlight;
  private boolean claiming;
  private boolean stopping;
  private Promise<Void> drained;

  public RecomputeWorker(Vertx vertx, Pool pool, Recomputer recomputer, InventoryMetrics metrics,
      Settings settings) {
    this.vertx = vertx;
    this.pool = pool;
    this.recomputer = recomputer;
    this.metrics = metrics;
    this.settings = settings;
  }

  public void start() {
    pollTimer = vertx.setPeriodic(settings.poll().toMillis(), t -> wake());
    purgeTimer = vertx.setPeriodic(PURGE_EVERY_MS, t -> RecomputeQueue.purgeFinished(pool, KEEP_FINISHED)
        .onFailure(e -> LOG.warn("Finished recompute jobs not purged: {}", e.toString())));
    wake();
  }

  /** Claims nothing more and completes when the parts in hand are stored (or given up). */
  public Future<Void> stop() {
    stopping = true;
    vertx.cancelTimer(pollTimer);
    vertx.cancelTimer(purgeTimer);
    vertx.cancelTimer(waitTimer);
    drained = Promise.promise();
    if (inFlight == 0 && !claiming) {
      drained.complete();
    }
    return drained.future();
  }

  /** There may be work: claims until this replica's share is in hand or none is left. */
  public void wake() {
    if (stopping || claiming || inFlight >= settings.partsInFlight()) {
      return;
    }
    claiming = true;
    long claimStart = System.nanoTime();
    RecomputeQueue.next(pool, settings.claimant()).onComplete(next -> {
      claiming = false;
      metrics.phase("claim", System.nanoTime() - claimStart);
      if (next.failed()) {
        LOG.warn("Could not claim recompute work, trying again in {} ms: {}", settings.poll().toMillis(),
            next.cause().toString());
      } else {
        handle(next.result());
      }
      settleIfDrained();
    });
  }

  private void handle(Next next) {
    if (next instanceof Next.Claimed claimed) {
      inFlight++;
      work(claimed.part()).onComplete(done -> {
        inFlight--;
        settleIfDrained();
        wake();
      });
      wake();
    } else if (next instanceof Next.Finished finished) {
      announce(finished);
      wake();
    } else if (next instanceof Next.Wait wait) {
      vertx.cancelTimer(waitTimer);
      long millis = Math.max(SHORTEST_WAIT_MS, Math.min(wait.delay().toMillis(), settings.poll().toMillis()));
      waitTimer = vertx.setTimer(millis, t -> wake());
    }
  }

  private Future<Recomputer.PartResult> work(RecomputeQueue.Part part) {
    String requestId = "recompute-" + part.job().id() + "-" + part.number();
    return recomputer.recompute(part, requestId)
        .onSuccess(result -> {
          metrics.partRecomputed(result.positions());
          if (part.takenOver()) {
            LOG.info("Took over part {} of recompute job {} after its lease ended; {} positions stored", part.number(),
                part.job().id(), result.positions());
          }
        })
        .onFailure(e -> {
          // The part stays claimed until its lease ends; then any replica takes it over.
          (e instanceof RecomputeQueue.LeaseLost ? LOG.atInfo() : LOG.atWarn()).log(
              "Part {} of recompute job {} not stored: {}", part.number(), part.job().id(), e.toString());
        });
  }

  private void announce(Next.Finished finished) {
    RecomputeQueue.Job job = finished.job();
    int folded = job.changes() - 1;
    String reason = folded == 0 ? job.reason() : job.reason() + " and " + folded + " more changes";
    metrics.recomputed(finished.positions(), finished.took().toNanos());
    // A change that reached no position (a drawdown on a licence nobody plans with) is routine.
    (finished.positions() == 0 ? LOG.atDebug() : LOG.atInfo()).log("Recomputed {} positions ({} alerts) in {} ms for {}",
        finished.positions(), finished.alerts(), finished.took().toMillis(), reason);
    vertx.eventBus().publish(Addresses.INVENTORY_RECOMPUTED, new JsonObject().put("jobId", job.id())
        .put("reason", reason).put("changes", job.changes()).put("positions", finished.positions())
        .put("alerts", finished.alerts()).put("durationMs", finished.took().toMillis()));
  }

  private void settleIfDrained() {
    if (stopping && drained != null && inFlight == 0 && !claiming) {
      drained.tryComplete();
    }
  }
}
