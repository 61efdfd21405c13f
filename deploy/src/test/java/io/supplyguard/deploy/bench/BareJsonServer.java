package io.supplyguard.deploy.bench;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * bin/bench's baseline: a bare Vert.x HTTP server answering every request with the same JSON
 * the platform's read path returns, read from a file, on one event loop per core.
 * Arguments: port, file.
 */
public final class BareJsonServer {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BareJsonServer.class);
  private BareJsonServer() {
  }

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    Buffer body = Buffer.buffer(Files.readAllBytes(Path.of(args[1])));
    Vertx vertx = Vertx.vertx();
    int instances = Runtime.getRuntime().availableProcessors();
    vertx.deployVerticle(() -> new io.vertx.core.VerticleBase() {
      @Override
      public io.vertx.core.Future<?> start() {
        return vertx.createHttpServer().requestHandler(request -> request.response()
            .putHeader("Content-Type", "application/json").end(body)).listen(port, "127.0.0.1");
      }
    }, new io.vertx.core.DeploymentOptions().setInstances(instances))
        .toCompletionStage().toCompletableFuture().get();
    LOG.info("Bare server on port {}", port);
  }
}
