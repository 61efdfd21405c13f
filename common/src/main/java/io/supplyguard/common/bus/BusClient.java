package io.supplyguard.common.bus;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import java.time.Duration;

/**
 * The one way to ask a service something over the bus. Every request carries the caller's
 * identity and correlation id and an explicit send timeout; a failed reply comes back as the
 * {@link ServiceException} the service raised, or as a {@link ReplyException} for
 * NO_HANDLERS and TIMEOUT, which only the caller can interpret.
 */
public final class BusClient {
  private final Vertx vertx;
  private final Duration timeout;

  public BusClient(Vertx vertx, Duration timeout) {
    this.vertx = vertx;
    this.timeout = timeout;
    EncodedJson.registerOn(vertx.eventBus());
  }

  public Future<JsonObject> request(String address, JsonObject body, Caller caller) {
    return send(address, body, caller).map(EncodedJson::json);
  }

  /** The same, with the reply as the service encoded it: for a caller that passes it on unread. */
  public Future<Buffer> requestEncoded(String address, JsonObject body, Caller caller) {
    return send(address, body, caller).map(EncodedJson::bytes);
  }

  private Future<EncodedJson> send(String address, JsonObject body, Caller caller) {
    DeliveryOptions options = new DeliveryOptions()
        .setSendTimeout(timeout.toMillis())
        .addHeader(BusHeaders.REQUEST_ID, caller.requestId())
        .addHeader(BusHeaders.ROLE, caller.role().name());
    if (caller.tenantId() != null) {
      options.addHeader(BusHeaders.TENANT_ID, caller.tenantId());
    }
    if (caller.idempotencyKey() != null) {
      options.addHeader(BusHeaders.IDEMPOTENCY_KEY, caller.idempotencyKey());
    }
    return vertx.eventBus().<EncodedJson>request(address, body, options)
        .map(reply -> reply.body())
        .recover(BusClient::translate);
  }

  private static Future<EncodedJson> translate(Throwable failure) {
    if (failure instanceof ReplyException reply && reply.failureType() == io.vertx.core.eventbus.ReplyFailure.RECIPIENT_FAILURE) {
      return Future.failedFuture(BusFailure.decode(reply.failureCode(), reply.getMessage()));
    }
    return Future.failedFuture(failure);
  }

  /** Who a request is made for. */
  public record Caller(String requestId, String tenantId, Role role, String idempotencyKey) {
    public Caller(String requestId, String tenantId, Role role) {
      this(requestId, tenantId, role, null);
    }
  }
}
