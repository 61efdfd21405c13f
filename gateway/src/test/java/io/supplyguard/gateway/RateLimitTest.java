package io.supplyguard.gateway;

import static io.supplyguard.gateway.TestPlatform.ADMIN_KEY;
import static io.supplyguard.gateway.TestPlatform.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.common.testing.Await;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Per-tenant rate limits through the real gateway and services, with a small bucket (burst 5,
 * 1 request/s) so that a burst is a handful of requests.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateLimitTest {
  private static final String POLICY = "\"tenant\";q=5;w=5";

  private TestPlatform platform;

  @BeforeAll
  void start(Vertx vertx) throws Exception {
    platform = Await.result(TestPlatform.start(vertx, new JsonObject()
        .put("GATEWAY_RATE_PER_SECOND", "1").put("GATEWAY_RATE_BURST", "5")));
  }

  private Future<HttpResponse<Buffer>> materials(String key) {
    return platform.call(HttpMethod.GET, "/api/v1/materials", key).send();
  }

  @Test
  @DisplayName("a tenant past its burst gets 429 with Retry-After and RateLimit headers, while another tenant "
      + "and the admin, in the same moment, get 200")
  void oneTenantsBurst() throws Exception {
    String greedy = Await.result(platform.tenantKey("Greedy Motors"));
    String modest = Await.result(platform.tenantKey("Modest Turbines"));

    List<Future<HttpResponse<Buffer>>> burst = IntStream.range(0, 20).mapToObj(i -> materials(greedy)).toList();
    List<Future<HttpResponse<Buffer>>> others = List.of(materials(modest), materials(modest), materials(ADMIN_KEY));
    Await.result(Future.join(burst));
    Await.result(Future.join(others));

    List<HttpResponse<Buffer>> greedyAnswers = burst.stream().map(Future::result).toList();
    long ok = greedyAnswers.stream().filter(r -> r.statusCode() == 200).count();
    // 5 at once; a slow machine may see a token or two come back while the 20 are sent.
    assertThat(ok).isBetween(5L, 8L);
    List<HttpResponse<Buffer>> refused = greedyAnswers.stream().filter(r -> r.statusCode() != 200).toList();
    assertThat(refused).hasSize(20 - (int) ok);
    for (HttpResponse<Buffer> response : refused) {
      assertProblem(response, 429);
      assertThat(Integer.parseInt(response.getHeader("Retry-After"))).isBetween(1, 5);
      assertThat(response.getHeader("RateLimit-Policy")).isEqualTo(POLICY);
      assertThat(response.getHeader("RateLimit")).matches("\"tenant\";r=0;t=[1-5]");
    }
    for (Future<HttpResponse<Buffer>> other : others) {
      assertThat(other.result().statusCode()).as(other.result().bodyAsString()).isEqualTo(200);
    }
    assertThat(ScrapedMetrics.value(platform.gatewayMetrics(), "supplyguard_gateway_requests_rejected_total",
        "reason=\"rate_limited\"")).isEqualTo(refused.size());
  }

  @Test
  @DisplayName("a successful answer carries RateLimit-Policy and RateLimit, counting down what is left")
  void headersOnSuccess() throws Exception {
    String key = Await.result(platform.tenantKey("Counting GmbH"));
    HttpResponse<Buffer> first = Await.result(materials(key));
    HttpResponse<Buffer> second = Await.result(materials(key));
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.getHeader("RateLimit-Policy")).isEqualTo(POLICY);
    assertThat(first.getHeader("RateLimit")).isEqualTo("\"tenant\";r=4;t=1");
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(second.getHeader("RateLimit")).matches("\"tenant\";r=[34];t=[12]");
  }
}
