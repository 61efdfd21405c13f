package io.supplyguard.common.bus;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class BusServerDrainTest {
  private static final BusClient.Caller CALLER = new BusClient.Caller("r-1", "t-1", Role.TENANT);

  @Test
  @DisplayName("a draining server answers the request it accepted, then refuses new ones")
  void drainsInFlightWork(Vertx vertx, VertxTestContext test) {
    Promise<JsonObject> slowWork = Promise.promise();
    BusServer server = new BusServer(vertx).handle("drain.test", request -> slowWork.future());
    BusClient client = new BusClient(vertx, Duration.ofSeconds(5));
    server.ready().onComplete(test.succeeding(ready -> {
      Future<JsonObject> inFlight = client.request("drain.test", new JsonObject(), CALLER);
      // Let the request reach the handler before the stop begins.
      vertx.setTimer(50, t -> {
        Future<Void> drained = server.drain(Duration.ofSeconds(5));
        vertx.setTimer(100, t2 -> {
          test.verify(() -> assertThat(drained.isComplete()).as("drain waits for the request").isFalse());
          client.request("drain.test", new JsonObject(), CALLER).onComplete(test.failing(refused -> test.verify(() ->
              assertThat(((ReplyException) refused).failureType()).isEqualTo(ReplyFailure.NO_HANDLERS))));
          slowWork.complete(new JsonObject().put("done", true));
        });
        Future.all(inFlight, drained).onComplete(test.succeeding(both -> test.verify(() -> {
          assertThat(inFlight.result().getBoolean("done")).isTrue();
          test.completeNow();
        })));
      });
    }));
  }

  @Test
  @DisplayName("an unexpected failure reaches the caller as an internal error with no internal text")
  void internalFailureIsOpaque(Vertx vertx, VertxTestContext test) {
    BusServer server = new BusServer(vertx).handle("boom.test", request -> {
      throw new IllegalStateException("secret table name in a message");
    });
    server.ready().compose(v -> new BusClient(vertx, Duration.ofSeconds(5)).request("boom.test", new JsonObject(), CALLER))
        .onComplete(test.failing(failure -> test.verify(() -> {
          ServiceException e = (ServiceException) failure;
          assertThat(e.code()).isEqualTo(FailureCode.INTERNAL);
          assertThat(e.detail()).doesNotContain("secret");
          test.completeNow();
        })));
  }
}
