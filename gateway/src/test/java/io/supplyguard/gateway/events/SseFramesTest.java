package io.supplyguard.gateway.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SseFramesTest {

  @Test
  @DisplayName("an event is its id, type and JSON on one data line, then a blank line")
  void event() {
    ChangeEvent event = new ChangeEvent(42, ChangeEvent.ALERT, "t-1",
        new JsonObject().put("summary", "line one\nline two"), Instant.parse("2026-11-29T10:00:00Z"));
    assertThat(SseFrames.event(event)).isEqualTo("id: 42\nevent: alert\ndata: "
        + "{\"id\":42,\"type\":\"alert\",\"createdAt\":\"2026-11-29T10:00:00Z\","
        + "\"data\":{\"summary\":\"line one\\nline two\"}}\n\n");
  }

  @Test
  @DisplayName("heartbeats are comments, which clients ignore")
  void heartbeat() {
    assertThat(SseFrames.heartbeat()).startsWith(":").endsWith("\n\n");
  }
}
