package io.supplyguard.gateway.notifications;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.supplyguard.common.config.Settings;
import io.supplyguard.gateway.events.EventIngest;
import io.supplyguard.gateway.events.EventLog;
import io.supplyguard.gateway.events.EventStreams;
import io.supplyguard.gateway.events.EventsRoute;
import io.supplyguard.gateway.events.LogWatcher;
import io.supplyguard.gateway.webhooks.WebhookRepository;
import io.supplyguard.gateway.webhooks.WebhookRoutes;
import io.supplyguard.gateway.webhooks.WebhookSettings;
import io.supplyguard.gateway.webhooks.Webhooks;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Change notifications on this replica: bus events into the event log, the log's growth to the
 * open SSE streams and to the webhook deliveries, and retention. One instance, on a context of
 * its own: the SSE streams live there, and each HTTP instance hands its {@code /events} requests
 * over to it, so that the streams and their per-tenant bound need no lock. Stopping ends every
 * stream, so that the HTTP server's graceful shutdown is not held up by connections that never end.
 */
public final class NotificationsVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(NotificationsVerticle.class);
  /** Retention is counted in days; looking once an hour is often enough. */
  private static final Duration PURGE_EVERY = Duration.ofHours(1);

  private final Settings settings;
  private final PgConnectOptions connect;
  private final EventLog log;
  private final EventStreams streams;
  private final EventsRoute eventsRoute;
  private final Webhooks webhooks;
  private EventIngest ingest;
  private LogWatcher watcher;
  private long purgeTimer = -1;

  /** Builds the routes at once (the HTTP server needs them); nothing runs until deployed. */
  public NotificationsVerticle(Vertx vertx, Settings settings, Pool pool, PgConnectOptions connect,
      MeterRegistry metrics) {
    this.settings = settings;
    this.connect = connect;
    this.log = new EventLog(pool, WebhookRepository::fanOut);
    this.streams = new EventStreams(settings.integer("EVENTS_MAX_STREAMS_PER_TENANT"));
    this.eventsRoute = new EventsRoute(log, streams, settings.millis("EVENTS_HEARTBEAT_MS"),
        settings.integer("GATEWAY_RETRY_AFTER_SECONDS"));
    this.webhooks = new Webhooks(vertx, pool, WebhookSettings.from(settings), metrics);
    Gauge.builder("supplyguard.event.streams", streams, EventStreams::size)
        .description("Server-Sent Events streams open on this gateway replica").register(metrics);
  }

  public EventsRoute eventsRoute() {
    return eventsRoute;
  }

  public WebhookRoutes webhookRoutes() {
    return webhooks.routes();
  }

  @Override
  public Future<?> start() {
    streams.confineToThisContext();
    ingest = new EventIngest(vertx, log);
    watcher = new LogWatcher(vertx, connect, settings.millis("EVENTS_POLL_MS"), this::logGrew);
    webhooks.worker().start();
    int retentionDays = settings.integer("EVENTS_RETENTION_DAYS");
    purge(retentionDays);
    purgeTimer = vertx.setPeriodic(PURGE_EVERY.toMillis(), t -> purge(retentionDays));
    return Future.all(ingest.start(), watcher.start());
  }

  @Override
  public Future<?> stop() {
    ingest.stop();
    vertx.cancelTimer(purgeTimer);
    return Future.join(streams.endAll(), watcher.stop(), webhooks.worker().stop());
  }

  private void logGrew() {
    streams.wakeAll();
    webhooks.worker().wake();
  }

  private void purge(int days) {
    log.purgeOlderThan(days)
        .onSuccess(purged -> {
          if (purged > 0) {
            LOG.info("Purged {} change events older than {} days", purged, days);
          }
        })
        .onFailure(failure -> LOG.warn("Change events not purged yet: {}", failure.toString()));
  }
}
