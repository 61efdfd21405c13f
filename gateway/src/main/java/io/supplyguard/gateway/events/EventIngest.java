package io.supplyguard.gateway.events;

import io.supplyguard.common.bus.Addresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends what tenants are notified of to the event log. Alerts (the tenant's) come from the
 * inventory-service's outbox, one gateway replica each batch, and are acknowledged once
 * appended: the outbox keeps an alert until then, so no alert depends on this replica running.
 * Regime changes (everyone's) are published to every replica; each appends them, and the log
 * keeps one. Regime changes that arrive while an append runs are appended together by the
 * next one; a failed append is retried, so a database outage delays them but does not drop
 * them while this replica runs.
 */
public final class EventIngest {
  private static final Logger LOG = LoggerFactory.getLogger(EventIngest.class);
  /** Rows per INSERT: a recompute can raise tens of thousands of alerts at once. */
  private static final int BATCH = 1000;
  private static final long RETRY_MS = 1000;

  private final Vertx vertx;
  private final EventLog log;
  private final List<NewEvent> pending = new ArrayList<>();
  private boolean appending;
  private boolean stopped;

  public EventIngest(Vertx vertx, EventLog log) {
    this.vertx = vertx;
    this.log = log;
  }

  /** Registers the consumers cluster-wide. */
  public Future<Void> start() {
    MessageConsumer<JsonObject> alerts = vertx.eventBus().consumer(Addresses.EVENT_LOG_ALERTS, this::appendAlerts);
    MessageConsumer<JsonObject> regime = vertx.eventBus().consumer(Addresses.REGIME_CHANGED,
        message -> accept(fromRegimeChange(message.body())));
    return Future.all(alerts.completion(), regime.completion()).mapEmpty();
  }

  public void stop() {
    stopped = true;
    if (!pending.isEmpty()) {
      LOG.warn("{} events not yet in the event log when stopping; other replicas store them", pending.size());
    }
  }

  /**
   * Appends a batch from the alert outbox and acknowledges it, or fails it so that the outbox
   * tries again. An alert the log can never hold (no id, or a tenant that is not one of ours) is
   * refused, named in the answer and logged, rather than failing the batch: retried, it would
   * hold back every other tenant's alerts behind it for good.
   */
  private void appendAlerts(Message<JsonObject> delivery) {
    JsonArray batch = delivery.body().getJsonArray("alerts", new JsonArray());
    List<NewEvent> events = new ArrayList<>(batch.size());
    JsonArray refused = new JsonArray();
    for (Object alert : batch) {
      Optional<NewEvent> event = alert instanceof JsonObject json ? fromAlert(json) : Optional.empty();
      if (event.isPresent()) {
        events.add(event.get());
      } else {
        LOG.error("An alert the event log cannot hold was refused: {}", alert);
        refused.add(alert instanceof JsonObject json ? json.getValue("id") : null);
      }
    }
    log.append(events).onComplete(appended -> {
      if (appended.succeeded()) {
        delivery.reply(new JsonObject().put("appended", appended.result()).put("refused", refused));
      } else {
        delivery.fail(503, "The event log is not available: " + appended.cause().getMessage());
      }
    });
  }

  static Optional<NewEvent> fromAlert(JsonObject alert) {
    Object id = alert.getValue("id");
    Object tenantId = alert.getValue("tenantId");
    if (!(id instanceof Number) || !(tenantId instanceof String tenant) || !isUuid(tenant)) {
      return Optional.empty();
    }
    return Optional.of(new NewEvent("alert:" + id, ChangeEvent.ALERT, tenant, alert));
  }

  private static boolean isUuid(String text) {
    try {
      return UUID.fromString(text).toString().equalsIgnoreCase(text);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  static Optional<NewEvent> fromRegimeChange(JsonObject change) {
    String changeId = change.getString("changeId");
    return changeId == null ? Optional.empty()
        : Optional.of(new NewEvent("regime:" + changeId, ChangeEvent.REGIME_CHANGED, null, change));
  }

  private void accept(Optional<NewEvent> event) {
    if (event.isEmpty()) {
      LOG.warn("A bus event without the id that identifies it was not stored");
      return;
    }
    pending.add(event.get());
    appendPending();
  }

  private void appendPending() {
    if (appending || pending.isEmpty() || stopped) {
      return;
    }
    appending = true;
    List<NewEvent> batch = new ArrayList<>(pending.subList(0, Math.min(BATCH, pending.size())));
    log.append(batch).onComplete(done -> {
      appending = false;
      if (done.succeeded()) {
        pending.subList(0, batch.size()).clear();
        appendPending();
      } else {
        LOG.warn("{} events not stored in the event log yet, retrying: {}", pending.size(), done.cause().toString());
        vertx.setTimer(RETRY_MS, t -> appendPending());
      }
    });
  }
}
