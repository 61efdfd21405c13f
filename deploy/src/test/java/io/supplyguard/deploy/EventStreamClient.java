package io.supplyguard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A tenant's Server-Sent Events stream of the gateway, read line by line as a client would. */
final class EventStreamClient {
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

  private EventStreamClient() {
  }

  /** Opens {@code GET /api/v1/events}, resuming after {@code lastEventId} when not null. */
  static EventStreamClient open(Platform platform, String key, String lastEventId) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(platform.uri("/api/v1/events"))
        .header("Authorization", "Bearer " + key);
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    HttpResponse<Stream<String>> response = platform.http().sendAsync(request.build(),
        HttpResponse.BodyHandlers.ofLines()).get(30, TimeUnit.SECONDS);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("text/event-stream"));
    EventStreamClient client = new EventStreamClient();
    Thread reader = new Thread(() -> response.body().forEach(client.lines::add), "sse-reader");
    reader.setDaemon(true);
    reader.start();
    return client;
  }

  /** The data of the next event of {@code type}; fails after 30 s without one. */
  JsonObject next(String type) throws Exception {
    JsonObject event = next(type, Duration.ofSeconds(30));
    assertThat(event).as("an event: " + type + " within 30 s").isNotNull();
    return event;
  }

  /** The data of the next event of {@code type}, or null when none comes within {@code patience}. */
  JsonObject next(String type, Duration patience) throws Exception {
    long deadline = System.nanoTime() + patience.toNanos();
    boolean typed = false;
    while (true) {
      String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (line == null) {
        return null;
      }
      if (line.startsWith("event: ")) {
        typed = line.equals("event: " + type);
      } else if (typed && line.startsWith("data: ")) {
        return new JsonObject(line.substring(6));
      }
    }
  }
}
