package io.supplyguard.common.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;
import java.net.ConnectException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DatabaseFailuresTest {

  @Test
  @DisplayName("a database that is away: refused, reset, restarting, or a pooled connection it dropped")
  void unavailable() {
    assertThat(DatabaseFailures.isUnavailable(new ConnectException("Connection refused"))).isTrue();
    assertThat(DatabaseFailures.isUnavailable(new java.net.SocketException("Connection reset"))).isTrue();
    assertThat(DatabaseFailures.isUnavailable(new java.nio.channels.ClosedChannelException())).isTrue();
    assertThat(DatabaseFailures.isUnavailable(new java.io.IOException("Broken pipe"))).isTrue();
    assertThat(DatabaseFailures.isUnavailable(new PgException("terminating connection", "FATAL", "57P01", null)))
        .isTrue();
    assertThat(DatabaseFailures.isUnavailable(new RuntimeException("wrapped",
        new VertxException("Connection is not active now, current status: CLOSED", true)))).isTrue();
  }

  @Test
  @DisplayName("a query that is wrong is not the database being away")
  void wrongQuery() {
    assertThat(DatabaseFailures.isUnavailable(new PgException("relation does not exist", "ERROR", "42P01", null)))
        .isFalse();
    assertThat(DatabaseFailures.isUnavailable(new VertxException("something else", true))).isFalse();
  }
}
