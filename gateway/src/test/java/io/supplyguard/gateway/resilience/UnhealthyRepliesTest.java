package io.supplyguard.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.common.bus.FailureCode;
import io.supplyguard.common.bus.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Which outcomes count against a downstream's circuit. */
class UnhealthyRepliesTest {
  private final UnhealthyReplies policy = new UnhealthyReplies();

  @Test
  @DisplayName("no answer in time, nobody listening and an undeliverable message count")
  void unhealthy() {
    for (ReplyFailure type : new ReplyFailure[] {ReplyFailure.TIMEOUT, ReplyFailure.NO_HANDLERS, ReplyFailure.ERROR}) {
      assertThat(policy.test(Future.failedFuture(new ReplyException(type, "x")))).as(type.name()).isTrue();
    }
  }

  @Test
  @DisplayName("a reply, even a failed one written by the service on purpose, does not count")
  void alive() {
    assertThat(policy.test(Future.succeededFuture(new JsonObject()))).isFalse();
    for (FailureCode code : FailureCode.values()) {
      assertThat(policy.test(Future.failedFuture(new ServiceException(code, "detail")))).as(code.name()).isFalse();
    }
    assertThat(policy.test(Future.failedFuture(new ReplyException(ReplyFailure.RECIPIENT_FAILURE, 500, "x"))))
        .isFalse();
  }
}
