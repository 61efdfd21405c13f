package io.supplyguard.common.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.common.config.ClusterConfig;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.ext.healthchecks.Status;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ClusterCheckTest {

  @Test
  @DisplayName("readiness follows the Hazelcast member: up while it is in the cluster, down once it is gone")
  void followsTheMember() throws Throwable {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    ClusterConfig config = new ClusterConfig("check-" + System.nanoTime(), "127.0.0.1", port, 1,
        List.of("127.0.0.1:" + port), null, 0);
    HazelcastClusterManager manager = new HazelcastClusterManager(config.hazelcast());
    Vertx vertx = Vertx.builder().withClusterManager(manager).buildClustered()
        .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    try {
      ClusterCheck check = new ClusterCheck(manager);
      assertThat(status(check).isOk()).isTrue();
      manager.getHazelcastInstance().shutdown();
      assertThat(status(check).isOk()).isFalse();
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  private static Status status(ClusterCheck check) throws Exception {
    Promise<Status> promise = Promise.promise();
    check.handle(promise);
    Future<Status> future = promise.future();
    return future.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }
}
