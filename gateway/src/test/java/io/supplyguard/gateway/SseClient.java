package io.supplyguard.gateway;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** A Server-Sent Events client over a real HTTP connection, parsing the stream as a browser would. */
final class SseClient {

  /** One event as received: its {@code id:}, {@code event:} and {@code data:} (JSON). */
  record Event(long id, String type, JsonObject data) {
    /** What the platform published: the {@code data} member of the ChangeEvent. */
    JsonObject payload() {
      return data.getJsonObject("data");
    }
  }

  private record Waiter(Predicate<SseClient> condition, Promise<Void> promise) {
  }

  private final HttpClient client;
  private final List<Event> events = new ArrayList<>();
  private final List<Waiter> waiters = new ArrayList<>();
  private final Promise<Void> ended = Promise.promise();
  private final StringBuilder pending = new StringBuilder();
  private int heartbeats;

  private SseClient(HttpClient client) {
    this.client = client;
  }

  /**
   * Opens {@code uri} with {@code key} and, unless null, {@code Last-Event-ID}; succeeds once the
   * gateway has answered 200, fails with the status and body otherwise.
   */
  static Future<SseClient> connect(Vertx vertx, int port, String uri, String key, String lastEventId) {
    return connect(vertx, port, uri, key, lastEventId, new RequestOptions());
  }

  /** The same, with the X-Request-Id that names the request in the gateway's access log. */
  static Future<SseClient> connectAs(Vertx vertx, int port, String uri, String key, String requestId) {
    return connect(vertx, port, uri, key, null, new RequestOptions().putHeader("X-Request-Id", requestId));
  }

  private static Future<SseClient> connect(Vertx vertx, int port, String uri, String key, String lastEventId,
      RequestOptions options) {
    SseClient sse = new SseClient(vertx.createHttpClient());
    options.setMethod(HttpMethod.GET).setHost("127.0.0.1").setPort(port)
        .setURI(uri).putHeader("Authorization", "Bearer " + key).putHeader("Accept", "text/event-stream");
    if (lastEventId != null) {
      options.putHeader("Last-Event-ID", lastEventId);
    }
    return sse.client.request(options).compose(request -> request.send()).compose(response -> {
      if (response.statusCode() != 200) {
        return response.body().compose(body -> Future.failedFuture(
            new AssertionError("GET " + uri + " answered " + response.statusCode() + ": " + body)));
      }
      sse.listen(response);
      return Future.succeededFuture(sse);
    });
  }

  private void listen(HttpClientResponse response) {
    response.handler(chunk -> {
      pending.append(chunk.toString());
      int end;
      while ((end = pending.indexOf("\n\n")) >= 0) {
        block(pending.substring(0, end));
        pending.delete(0, end + 2);
      }
    });
    response.endHandler(v -> ended.tryComplete());
    response.exceptionHandler(failure -> ended.tryFail(failure));
  }

  private synchronized void block(String block) {
    Long id = null;
    String type = "message";
    StringBuilder data = new StringBuilder();
    for (String line : block.split("\n")) {
      if (line.startsWith(": heartbeat")) {
        heartbeats++;
      } else if (line.startsWith("id: ")) {
        id = Long.parseLong(line.substring(4));
      } else if (line.startsWith("event: ")) {
        type = line.substring(7);
      } else if (line.startsWith("data: ")) {
        data.append(line.substring(6));
      }
    }
    if (id != null) {
      events.add(new Event(id, type, new JsonObject(data.toString())));
    }
    for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
      Waiter waiter = it.next();
      if (waiter.condition().test(this)) {
        it.remove();
        waiter.promise().tryComplete();
      }
    }
  }

  /** Completes when {@code condition} holds of what has been received. */
  synchronized Future<Void> until(Predicate<SseClient> condition) {
    if (condition.test(this)) {
      return Future.succeededFuture();
    }
    Promise<Void> promise = Promise.promise();
    waiters.add(new Waiter(condition, promise));
    return promise.future();
  }

  /** The first event received that matches. */
  Future<Event> first(Predicate<Event> matching) {
    return until(sse -> sse.events().stream().anyMatch(matching))
        .map(v -> events().stream().filter(matching).findFirst().orElseThrow());
  }

  synchronized List<Event> events() {
    return List.copyOf(events);
  }

  synchronized int heartbeats() {
    return heartbeats;
  }

  /** Completes when the server ends the stream; fails if the connection breaks instead. */
  Future<Void> ended() {
    return ended.future();
  }

  Future<Void> close() {
    return client.close();
  }

  static Predicate<Event> alertOf(String siteId, String materialId, String toStatus) {
    return e -> e.type().equals("alert") && Map.of("siteId", siteId, "materialId", materialId, "toStatus", toStatus)
        .entrySet().stream().allMatch(f -> f.getValue().equals(e.payload().getString(f.getKey())));
  }

  static Predicate<Event> regimeChangeOf(String measureId) {
    return e -> e.type().equals("regime.changed") && measureId.equals(e.payload().getString("measureId"));
  }
}
