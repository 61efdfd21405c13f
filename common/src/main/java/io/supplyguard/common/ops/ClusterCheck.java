package io.supplyguard.common.ops;

import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.ext.healthchecks.Status;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

/** Ready only while this member is in the Hazelcast cluster that carries the event bus. */
public final class ClusterCheck implements Handler<Promise<Status>> {
  private final HazelcastClusterManager clusterManager;

  public ClusterCheck(HazelcastClusterManager clusterManager) {
    this.clusterManager = clusterManager;
  }

  @Override
  public void handle(Promise<Status> promise) {
    boolean up = clusterManager.isActive()
        && clusterManager.getHazelcastInstance().getLifecycleService().isRunning();
    promise.complete(up
        ? Status.OK(new io.vertx.core.json.JsonObject().put("members", clusterManager.getNodes().size()))
        : Status.KO());
  }
}
