package io.supplyguard.gateway.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

  @Test
  @DisplayName("a made id is a random (version 4, IETF variant) UUID, never the same twice")
  void madeIdsAreRandomUuids() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String id = RequestIds.newId();
      UUID uuid = UUID.fromString(id);
      assertThat(uuid.version()).isEqualTo(4);
      assertThat(uuid.variant()).isEqualTo(2);
      assertThat(uuid.toString()).isEqualTo(id);
      assertThat(seen.add(id)).isTrue();
    }
  }
}
