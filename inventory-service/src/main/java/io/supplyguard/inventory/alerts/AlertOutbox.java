package io.supplyguard.inventory.alerts;

import io.supplyguard.common.bus.Addresses;
import io.supplyguard.inventory.metrics.InventoryMetrics;
import io.supplyguard.inventory.store.AlertRepository;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers committed alerts to the gateway's event log, from which tenants' event streams and
 * webhooks hear of them. An alert is marked delivered only once a gateway has acknowledged that
 * its event log holds it, so a crash anywhere between the recompute's commit and that
 * acknowledgement delays the alert but never loses it: any replica delivers what is left, right
 * after its next commit or on the next retry. The gateway appends each alert once whatever the
 * number of deliveries (its event log's source key), so at-least-once here is exactly once there.
 */
public final class AlertOutbox {
  private static final Logger LOG = LoggerFactory.getLogger(AlertOutbox.class);
  /** Alerts per delivery: a recompute can raise tens of thousands at once. */
  private static final int BATCH = 1000;

  private final Vertx vertx;
  private final Pool pool;
  private final InventoryMetrics metrics;
  private final DeliveryOptions delivery;
  private final Duration retry;
  private long retryTimer = -1;
  private boolean delivering;
  private boolean again;
  private boolean failing;

  public AlertOutbox(Vertx vertx, Pool pool, InventoryMetrics metrics, Duration busTimeout,
      Duration retry) {
    this.vertx = vertx;
    this.pool = pool;
    this.metrics = metrics;
    this.delivery = new DeliveryOptions().setSendTimeout(busTimeout.toMillis());
    this.retry = retry;
  }

  /** Delivers what is waiting now, and on a timer what is left (another replica's, or a gateway that was away). */
  public void start() {
    retryTimer = vertx.setPeriodic(retry.toMillis(), t -> deliver());
    deliver();
  }

  public void stop() {
    vertx.cancelTimer(retryTimer);
  }

  /** Delivers what is waiting; calls made while a delivery runs fold into one more. */
  public void deliver() {
    if (delivering) {
      again = true;
      return;
    }
    delivering = true;
    long started = System.nanoTime();
    deliverBatch().onComplete(done -> {
      delivering = false;
      if (done.succeeded() && done.result() > 0) {
        metrics.phase("deliver_alerts", System.nanoTime() - started);
      }
      if (done.failed()) {
        report(done.cause());
      } else if (again || done.result() == BATCH) {
        failing = false;
        again = false;
        deliver();
      } else {
        failing = false;
      }
    });
  }

  private Future<Integer> deliverBatch() {
    return pool.withTransaction(tx -> AlertRepository.undelivered(tx, BATCH).compose(batch -> {
      if (batch.isEmpty()) {
        return Future.succeededFuture(0);
      }
      List<Long> ids = batch.stream().map(alert -> alert.getLong("id")).toList();
      return vertx.eventBus().request(Addresses.EVENT_LOG_ALERTS, new JsonObject().put("alerts", new JsonArray(batch)),
          delivery).compose(acknowledged -> {
            // Refused alerts are logged by the gateway, which can never hold them; offered again
            // they would hold back every alert behind them.
            JsonArray refused = acknowledged.body() instanceof JsonObject answer ? answer.getJsonArray("refused") : null;
            if (refused != null && !refused.isEmpty()) {
              LOG.error("The event log refused alerts {}: they will not reach event streams or webhooks", refused);
            }
            return AlertRepository.delivered(tx, ids);
          }).map(batch.size());
    }));
  }

  private void report(Throwable cause) {
    boolean noGateway = cause instanceof ReplyException e && e.failureType() == ReplyFailure.NO_HANDLERS;
    if (!failing) {
      // Once per outage, not once per retry: the alerts wait in the table meanwhile.
      LOG.warn("Alerts not delivered to the event log yet, retrying every {} ms: {}", retry.toMillis(),
          noGateway ? "no gateway is listening" : cause.toString());
    }
    failing = true;
  }
}
