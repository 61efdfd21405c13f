package io.supplyguard.gateway;

import static io.supplyguard.gateway.TestPlatform.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxTestContext;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Real internal failures, forced by taking a table away from under the gateway and under a
 * service: the caller gets a 500 problem that quotes the request id and shows nothing inside
 * (no SQL, no table, no exception); once the table is back, the same request works.
 */
class InternalFailuresTest extends PlatformTest {
  @Test
  @DisplayName("the gateway's own SQL failing is a 500 that shows nothing of it")
  void gatewayFailure(VertxTestContext test) {
    Supplier<Future<HttpResponse<Buffer>>> createTenant = () -> platform
        .call(HttpMethod.POST, "/api/v1/tenants", TestPlatform.ADMIN_KEY)
        .sendJsonObject(new JsonObject().put("name", "Failing Co " + System.nanoTime()));
    withTableGone("gateway.tenant", createTenant).onComplete(test.succeeding(responses -> test.verify(() -> {
      assertInternal(responses.failed(), "tenant");
      assertThat(responses.recovered().statusCode()).isEqualTo(201);
      test.completeNow();
    })));
  }

  @Test
  @DisplayName("a service's SQL failing is a 500 at the gateway that shows nothing of it")
  void serviceFailure(VertxTestContext test) {
    platform.tenantKey("failing-reader").compose(key -> {
      Supplier<Future<HttpResponse<Buffer>>> listLicences = () -> platform
          .call(HttpMethod.GET, "/api/v1/licences", key).send();
      return withTableGone("licence.licence", listLicences);
    }).onComplete(test.succeeding(responses -> test.verify(() -> {
      assertInternal(responses.failed(), "licence");
      assertThat(responses.recovered().statusCode()).isEqualTo(200);
      test.completeNow();
    })));
  }

  private record Responses(HttpResponse<Buffer> failed, HttpResponse<Buffer> recovered) {
  }

  /** The request while {@code table} is renamed away, and again once it is back. */
  private Future<Responses> withTableGone(String table, Supplier<Future<HttpResponse<Buffer>>> request) {
    String name = table.substring(table.indexOf('.') + 1);
    return platform.gatewayDb().query("ALTER TABLE " + table + " RENAME TO " + name + "_gone").execute()
        .compose(renamed -> request.get())
        .compose(failed -> platform.gatewayDb()
            .query("ALTER TABLE " + table + "_gone RENAME TO " + name).execute()
            .compose(back -> request.get())
            .map(recovered -> new Responses(failed, recovered)));
  }

  private static void assertInternal(HttpResponse<Buffer> response, String table) {
    assertProblem(response, 500);
    JsonObject problem = response.bodyAsJsonObject();
    assertThat(problem.getString("detail")).contains("request id");
    assertThat(problem.getString("requestId")).isEqualTo(response.getHeader("X-Request-Id"));
    assertThat(response.bodyAsString().toLowerCase())
        .doesNotContain("relation", "does not exist", "select", "insert", table + "_gone", "sql", "postgres");
  }
}
