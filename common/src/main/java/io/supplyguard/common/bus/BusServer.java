package io.supplyguard.common.bus;

import io.supplyguard.common.db.DatabaseFailures;
import io.supplyguard.common.logging.RequestLog;
import io.supplyguard.common.logging.RequestScope;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * The one way a service answers requests on the bus. It turns a handler's result into a
 * reply and its failure into {@code message.fail} with a contract code; it counts requests in
 * flight so that a stopping service answers what it accepted before it lets its pool go.
 */
public final class BusServer {
  private static final Logger LOG = LoggerFactory.getLogger(BusServer.class);

  private final Vertx vertx;
  private final List<MessageConsumer<JsonObject>> consumers = new ArrayList<>();
  private BusContract contract;
  private int inFlight;
  private Promise<Void> drained;

  public BusServer(Vertx vertx) {
    this.vertx = vertx;
    EncodedJson.registerOn(vertx.eventBus());
  }

  /**
   * Checks every request against {@code contract} before its handler sees it: an invalid one is
   * answered BAD_REQUEST naming its fields, and the handler reads a message of the contract's shape.
   * Every address answered afterwards must have a request schema.
   */
  public BusServer validatedBy(BusContract contract) {
    this.contract = contract;
    return this;
  }

  /** Answers requests sent to {@code address} with {@code handler}. */
  public BusServer handle(String address, Function<BusRequest, Future<JsonObject>> handler) {
    return answer(address, request -> handler.apply(request).map(EncodedJson::of));
  }

  /**
   * The same, for a handler whose answer is JSON already encoded (one it keeps ready for many
   * callers). Replies travel as {@link EncodedJson}: encoded once to cross processes, so that a
   * caller that only passes them on, as the gateway does, need not decode and encode them again.
   */
  public BusServer handleEncoded(String address, Function<BusRequest, Future<Buffer>> handler) {
    return answer(address, request -> handler.apply(request).map(EncodedJson::of));
  }

  private BusServer answer(String address, Function<BusRequest, Future<EncodedJson>> handler) {
    if (contract != null && !contract.hasRequest(address)) {
      throw new IllegalStateException("The bus contract has no request schema for " + address);
    }
    consumers.add(vertx.eventBus().consumer(address, message -> dispatch(address, message, handler)));
    return this;
  }

  /** Completes once every consumer is registered, cluster-wide when clustered. */
  public Future<Void> ready() {
    return Future.all(consumers.stream().map(MessageConsumer::completion).toList()).mapEmpty();
  }

  /** Stops taking requests, then waits up to {@code timeout} for those in flight. */
  public Future<Void> drain(Duration timeout) {
    Future<Void> unregistered = Future.all(consumers.stream().map(MessageConsumer::unregister).toList()).mapEmpty();
    return unregistered.compose(v -> {
      if (inFlight == 0) {
        return Future.succeededFuture();
      }
      drained = Promise.promise();
      long timer = vertx.setTimer(timeout.toMillis(), t -> {
        LOG.warn("Stopped with {} bus requests still in flight after {}", inFlight, timeout);
        drained.tryComplete();
      });
      return drained.future().onComplete(done -> vertx.cancelTimer(timer));
    });
  }

  private void dispatch(String address, Message<JsonObject> message,
      Function<BusRequest, Future<EncodedJson>> handler) {
    // Each request on a context of its own, so that every line logged for it names it.
    RequestScope.run(vertx, message.headers().get(BusHeaders.REQUEST_ID), () -> serve(address, message, handler));
  }

  private void serve(String address, Message<JsonObject> message,
      Function<BusRequest, Future<EncodedJson>> handler) {
    long started = System.nanoTime();
    inFlight++;
    Future<EncodedJson> result;
    BusRequest request = null;
    try {
      request = BusRequest.of(message.body(), message.headers());
      if (contract != null) {
        contract.checkRequest(address, request.body());
      }
      result = handler.apply(request);
    } catch (RuntimeException e) {
      result = Future.failedFuture(e);
    }
    String requestId = request == null ? message.headers().get(BusHeaders.REQUEST_ID) : request.requestId();
    String tenantId = request == null ? null : request.tenantId();
    result.onComplete(done -> {
      String outcome;
      if (done.succeeded()) {
        message.reply(done.result());
        outcome = "OK";
      } else {
        outcome = fail(address, requestId, message, done.cause()).name();
      }
      LoggingEventBuilder line = RequestLog.LOG.atInfo().addKeyValue("address", address);
      line = tenantId == null ? line : line.addKeyValue("tenant", tenantId);
      line.addKeyValue("outcome", outcome).addKeyValue("durationMs", (System.nanoTime() - started) / 1_000_000)
          .log("bus request");
      inFlight--;
      if (inFlight == 0 && drained != null) {
        drained.tryComplete();
      }
    });
  }

  /** Answers a failure with its contract code, and says which. */
  private static FailureCode fail(String address, String requestId, Message<JsonObject> message, Throwable cause) {
    if (cause instanceof ServiceException e) {
      message.fail(e.code().code(), BusFailure.encode(e));
      return e.code();
    }
    if (DatabaseFailures.isUnavailable(cause)) {
      LOG.warn("Request {} on {}: database unavailable ({})", requestId, address, cause.toString());
      ServiceException unavailable = new ServiceException(FailureCode.UNAVAILABLE,
          "The service's database cannot be reached. Try again later.");
      message.fail(unavailable.code().code(), BusFailure.encode(unavailable));
      return unavailable.code();
    }
    LOG.error("Request {} on {} failed", requestId, address, cause);
    ServiceException internal = new ServiceException(FailureCode.INTERNAL, "The request could not be completed.");
    message.fail(internal.code().code(), BusFailure.encode(internal));
    return internal.code();
  }
}
