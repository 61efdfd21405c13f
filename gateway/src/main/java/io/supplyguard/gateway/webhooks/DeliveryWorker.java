package io.supplyguard.gateway.webhooks;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers due webhook deliveries: claims a batch, POSTs each signed event, records each
 * attempt and schedules the next by the backoff. Runs on a timer and when events are appended.
 * Delivery is at least once (a replica that dies mid-delivery leaves it to be retried), so a
 * receiver recognises a repeat by {@code X-SupplyGuard-Event-Id}.
 */
public final class DeliveryWorker {
  private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);
  private static final int BATCH = 20;

  private final Vertx vertx;
  private final DeliveryRepository deliveries;
  private final HostCheck hosts;
  private final WebhookSettings settings;
  private final MeterRegistry metrics;
  /** Longer than an attempt can take: the host check, then the request and its timeout. */
  private final Duration lease;
  private HttpClient client;
  private long pollTimer = -1;
  private boolean running;
  private boolean again;
  private boolean stopped;

  DeliveryWorker(Vertx vertx, DeliveryRepository deliveries, HostCheck hosts, WebhookSettings settings,
      MeterRegistry metrics) {
    this.vertx = vertx;
    this.metrics = metrics;
    this.deliveries = deliveries;
    this.hosts = hosts;
    this.settings = settings;
    this.lease = settings.timeout().multipliedBy(2).plusSeconds(10);
  }

  public void start() {
    client = vertx.createHttpClient(new HttpClientOptions()
        .setConnectTimeout((int) settings.timeout().toMillis())
        .setMaxRedirects(0));
    pollTimer = vertx.setPeriodic(settings.poll().toMillis(), t -> wake());
  }

  public Future<Void> stop() {
    stopped = true;
    if (pollTimer >= 0) {
      vertx.cancelTimer(pollTimer);
    }
    return client == null ? Future.succeededFuture() : client.close();
  }

  /** Delivers what is due; calls made while a round runs fold into one more round. */
  public void wake() {
    if (stopped) {
      return;
    }
    if (running) {
      again = true;
      return;
    }
    running = true;
    again = false;
    UUID token = UUID.randomUUID();
    deliveries.claim(BATCH, lease, token)
        .compose(claimed -> Future.join(claimed.stream().map(d -> deliver(d, token)).toList()).map(claimed.size()))
        .onComplete(round -> {
          running = false;
          if (round.failed() && !stopped) {
            LOG.warn("Webhook deliveries not claimed or not recorded: {}", round.cause().toString());
          } else if (round.succeeded() && (again || round.result() == BATCH)) {
            wake();
          }
        });
  }

  private Future<Void> deliver(Delivery delivery, UUID token) {
    Instant attemptedAt = Instant.now();
    long started = System.nanoTime();
    return hosts.problem(delivery.url())
        .compose(refused -> refused.isPresent()
            ? Future.succeededFuture(new Outcome(null, "the URL's host " + refused.get(), 0))
            : post(delivery, started))
        .recover(failure -> Future.succeededFuture(
            new Outcome(null, describe(failure), Duration.ofNanos(System.nanoTime() - started).toMillis())))
        .compose(outcome -> {
          Optional<Duration> retryIn = outcome.delivered() ? Optional.empty()
              : settings.backoff().afterFailed(delivery.attempt(), ThreadLocalRandom.current()::nextDouble);
          String result = outcome.delivered() ? "delivered" : retryIn.isPresent() ? "retrying" : "failed";
          return deliveries.record(delivery, token, attemptedAt, outcome, retryIn)
              .onSuccess(v -> metrics.counter("supplyguard.webhook.attempts", "result", result).increment());
        });
  }

  private Future<Outcome> post(Delivery delivery, long started) {
    Buffer body = delivery.event().toJson().toBuffer();
    long timestamp = Instant.now().getEpochSecond();
    RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(delivery.url())
        .setTimeout(settings.timeout().toMillis()).setFollowRedirects(false);
    return client.request(request).compose(outgoing -> {
      // The request's timeout bounds each wait for a byte; this bounds the whole exchange, so
      // that a receiver answering a byte at a time cannot hold the delivery past its lease.
      long deadline = vertx.setTimer(settings.timeout().toMillis(), t -> outgoing.reset());
      return outgoing
            .putHeader("Content-Type", "application/json")
            .putHeader("User-Agent", "SupplyGuard-Webhooks/1")
            .putHeader("X-SupplyGuard-Event-Id", String.valueOf(delivery.event().id()))
            .putHeader("X-SupplyGuard-Event-Type", delivery.event().type())
            .putHeader("X-SupplyGuard-Delivery-Id", String.valueOf(delivery.id()))
            .putHeader("X-SupplyGuard-Attempt", String.valueOf(delivery.attempt()))
            .putHeader("X-SupplyGuard-Timestamp", String.valueOf(timestamp))
            .putHeader("X-SupplyGuard-Signature", WebhookSignature.sign(delivery.secret(), timestamp, body.getBytes()))
            .send(body)
            // The body is read only to free the connection; a receiver's words are not kept.
            .compose(response -> response.body().map(ignored -> new Outcome(response.statusCode(), null,
                Duration.ofNanos(System.nanoTime() - started).toMillis())))
            .onComplete(done -> vertx.cancelTimer(deadline));
    });
  }

  /** Why a receiver did not answer, in words for the tenant's delivery log (never exception text). */
  private String describe(Throwable failure) {
    String kind = failure.getClass().getSimpleName();
    if (kind.contains("Timeout") || kind.contains("Reset")) {
      return "no answer within " + settings.timeout().toMillis() + " ms";
    }
    if (failure instanceof ConnectException) {
      return "connection refused";
    }
    if (failure instanceof UnknownHostException) {
      return "host not found";
    }
    return "the connection failed";
  }
}
