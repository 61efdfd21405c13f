package io.supplyguard.gateway;

import static io.supplyguard.gateway.TestPlatform.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.supplyguard.common.testing.Await;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The bound on requests in flight (3 here), with requests made genuinely slow: the test holds a
 * PostgreSQL row lock on a licence, so drawdowns of it wait inside the real licence-service.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InFlightLimitTest {
  private static final String IN_FLIGHT = "supplyguard_gateway_requests_in_flight";

  private TestPlatform platform;
  private String tenant;
  private String licenceId;

  @BeforeAll
  void start(Vertx vertx) throws Exception {
    platform = Await.result(TestPlatform.start(vertx, new JsonObject()
        .put("GATEWAY_MAX_IN_FLIGHT", "3").put("GATEWAY_LICENCE_TIMEOUT_MS", "30000")));
    tenant = Await.result(platform.tenantKey("Slow Lane Ltd"));
    HttpResponse<Buffer> licence = Await.result(platform.call(HttpMethod.POST, "/api/v1/licences", tenant)
        .sendJsonObject(ValidBodies.licence()));
    assertThat(licence.statusCode()).as(licence.bodyAsString()).isEqualTo(201);
    licenceId = licence.bodyAsJsonObject().getString("id");
  }

  private Future<HttpResponse<Buffer>> drawDown(String ref) {
    return platform.call(HttpMethod.POST, "/api/v1/licences/" + licenceId + "/drawdowns", tenant)
        .sendJsonObject(new JsonObject().put("quantityKg", 1).put("shipmentRef", ref));
  }

  private double inFlight() throws Exception {
    return ScrapedMetrics.value(platform.gatewayMetrics(), IN_FLIGHT);
  }

  private void awaitInFlight(int expected) {
    await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
        .until(() -> inFlight() == expected);
  }

  @Test
  @DisplayName("past the bound a request is answered 503 with Retry-After at once; when the slow ones end, "
      + "the count is back to 0 and requests are served")
  void shedsLoad() throws Exception {
    List<Future<HttpResponse<Buffer>>> slow;
    try (LicenceLock lock = LicenceLock.hold(platform.licenceDb(), licenceId)) {
      slow = IntStream.range(0, 3).mapToObj(i -> drawDown("SO-" + i)).toList();
      awaitInFlight(3);

      HttpResponse<Buffer> shed = Await.result(platform.call(HttpMethod.GET, "/api/v1/materials", tenant).send(),
          Duration.ofSeconds(10));
      assertProblem(shed, 503);
      assertThat(shed.getHeader("Retry-After")).isEqualTo("5");
      assertThat(slow).noneMatch(Future::isComplete);
    }
    for (Future<HttpResponse<Buffer>> drawn : slow) {
      HttpResponse<Buffer> response = Await.result(drawn);
      assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
    }
    awaitInFlight(0);
    assertThat(Await.result(platform.call(HttpMethod.GET, "/api/v1/materials", tenant).send()).statusCode())
        .isEqualTo(200);
    assertThat(ScrapedMetrics.value(platform.gatewayMetrics(), "supplyguard_gateway_requests_rejected_total",
        "reason=\"overloaded\"")).isEqualTo(1);
  }

  @Test
  @DisplayName("a client that hangs up before its answer gives its place back, though the service still works on it")
  void hangUpReleases() throws Exception {
    try (LicenceLock lock = LicenceLock.hold(platform.licenceDb(), licenceId)) {
      String body = new JsonObject().put("quantityKg", 1).put("shipmentRef", "SO-hangup").encode();
      try (Socket socket = new Socket("127.0.0.1", platform.gatewayPort())) {
        OutputStream out = socket.getOutputStream();
        out.write(("POST /api/v1/licences/" + licenceId + "/drawdowns HTTP/1.1\r\n"
            + "Host: 127.0.0.1\r\nAuthorization: Bearer " + tenant + "\r\n"
            + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
            .getBytes(StandardCharsets.UTF_8));
        out.flush();
        awaitInFlight(1);
      }
      awaitInFlight(0);
    }
  }
}
