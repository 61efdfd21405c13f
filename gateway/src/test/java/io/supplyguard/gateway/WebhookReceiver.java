package io.supplyguard.gateway;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerOptions;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A manufacturer's system receiving webhooks: a real HTTP server on a free local port that
 * keeps every request and answers each path with the statuses it was given, in turn (then 200).
 */
final class WebhookReceiver {

  /** One request as received, and when. */
  record Received(String path, Map<String, String> headers, Buffer body, Instant at) {
    String header(String name) {
      return headers.get(name.toLowerCase());
    }
  }

  private final HttpServer server;
  private final List<Received> received = new ArrayList<>();
  private final Map<String, Deque<Integer>> answers = new HashMap<>();
  private final List<Map.Entry<String, Promise<Void>>> waiters = new ArrayList<>();

  private WebhookReceiver(HttpServer server) {
    this.server = server;
  }

  static Future<WebhookReceiver> start(Vertx vertx) {
    HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0));
    WebhookReceiver receiver = new WebhookReceiver(server);
    server.requestHandler(receiver::handle);
    return server.listen().map(receiver);
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.actualPort() + path;
  }

  /** {@code path} answers these statuses to its next requests, then 200. */
  synchronized void answer(String path, Integer... statuses) {
    answers.put(path, new ArrayDeque<>(List.of(statuses)));
  }

  private void handle(HttpServerRequest request) {
    request.body().onSuccess(body -> {
      Map<String, String> headers = new HashMap<>();
      request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
      int status;
      synchronized (this) {
        received.add(new Received(request.path(), headers, body, Instant.now()));
        Deque<Integer> next = answers.get(request.path());
        status = next == null || next.isEmpty() ? 200 : next.poll();
        waiters.removeIf(w -> {
          String path = w.getKey().substring(w.getKey().indexOf(' ') + 1);
          int count = Integer.parseInt(w.getKey().substring(0, w.getKey().indexOf(' ')));
          if (received(path).size() >= count) {
            w.getValue().tryComplete();
            return true;
          }
          return false;
        });
      }
      request.response().setStatusCode(status).end();
    });
  }

  /** Completes once {@code count} requests have been received at {@code path}. */
  synchronized Future<Void> untilReceived(String path, int count) {
    if (received(path).size() >= count) {
      return Future.succeededFuture();
    }
    Promise<Void> promise = Promise.promise();
    waiters.add(Map.entry(count + " " + path, promise));
    return promise.future();
  }

  synchronized List<Received> received(String path) {
    return received.stream().filter(r -> r.path().equals(path)).toList();
  }

  Future<Void> stop() {
    return server.close();
  }
}
