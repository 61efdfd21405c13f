package io.supplyguard.gateway;

import static io.supplyguard.gateway.TestPlatform.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.gateway.auth.ApiKeys;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.junit5.VertxTestContext;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The gateway in front of the real services, all in this JVM, over real HTTP and PostgreSQL. */
class GatewayApiTest extends PlatformTest {
  private static final String ADMIN_KEY = TestPlatform.ADMIN_KEY;

  private HttpRequest<Buffer> call(HttpMethod method, String uri, String key) {
    return platform.call(method, uri, key);
  }

  @Nested
  @DisplayName("the regime")
  class Regime {
    @Test
    @DisplayName("answers the state of every element on a date, through the bus and the licence-service")
    void elementsOnADate(VertxTestContext test) {
      call(HttpMethod.GET, "/api/v1/regime/elements?asOf=2025-11-20", ADMIN_KEY).send()
          .onComplete(test.succeeding(response -> test.verify(() -> {
            assertThat(response.statusCode()).isEqualTo(200);
            JsonObject body = response.bodyAsJsonObject();
            assertThat(body.getString("asOf")).isEqualTo("2025-11-20");
            assertThat(body.getJsonArray("elements")).hasSize(17);
            JsonObject holmium = body.getJsonArray("elements").stream().map(JsonObject.class::cast)
                .filter(e -> e.getString("symbol").equals("Ho")).findFirst().orElseThrow();
            assertThat(holmium.getString("state")).isEqualTo("SUSPENDED");
            assertThat(holmium.getString("suspendedUntil")).isEqualTo("2026-11-10");
            test.completeNow();
          })));
    }

    @Test
    @DisplayName("answers for today when asOf is absent")
    void today(VertxTestContext test) {
      call(HttpMethod.GET, "/api/v1/regime/elements", ADMIN_KEY).send()
          .onComplete(test.succeeding(response -> test.verify(() -> {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.bodyAsJsonObject().getString("asOf")).isEqualTo("2026-11-29");
            test.completeNow();
          })));
    }

    @Test
    @DisplayName("rejects an asOf that is not a date with a 400 naming the field")
    void badAsOfShape(VertxTestContext test) {
      call(HttpMethod.GET, "/api/v1/regime/elements?asOf=yesterday", ADMIN_KEY).send()
          .onComplete(test.succeeding(response -> test.verify(() -> {
            assertProblem(response, 400);
            assertThat(response.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getString("field"))
                .isEqualTo("asOf");
            test.completeNow();
          })));
    }

    @Test
    @DisplayName("rejects a well-shaped but impossible asOf with a 400 naming the field")
    void impossibleAsOf(VertxTestContext test) {
      call(HttpMethod.GET, "/api/v1/regime/elements?asOf=2025-02-30", ADMIN_KEY).send()
          .onComplete(test.succeeding(response -> test.verify(() -> {
            assertProblem(response, 400);
            assertThat(response.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getString("field"))
                .isEqualTo("asOf");
            test.completeNow();
          })));
    }

    @Test
    @DisplayName("lists every measure with its suspensions")
    void measures(VertxTestContext test) {
      call(HttpMethod.GET, "/api/v1/regime/measures", ADMIN_KEY).send()
          .onComplete(test.succeeding(response -> test.verify(() -> {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.bodyAsJsonObject().getJsonArray("measures")).hasSize(8);
            test.completeNow();
          })));
    }

    @Test
    @DisplayName("the material catalogue is served by the inventory-service")
    void materials(VertxTestContext test) {
      call(HttpMethod.GET, "/api/v1/materials", ADMIN_KEY).send()
          .onComplete(test.succeeding(response -> test.verify(() -> {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.bodyAsJsonObject().getJsonArray("materials").size()).isGreaterThanOrEqualTo(7);
            test.completeNow();
          })));
    }
  }

  @Nested
  @DisplayName("authentication")
  class Authentication {
    @Test
    @DisplayName("no key is a 401 problem")
    void noKey(VertxTestContext test) {
      call(HttpMethod.GET, "/api/v1/regime/elements", null).send()
          .onComplete(test.succeeding(response -> test.verify(() -> {
            assertProblem(response, 401);
            test.completeNow();
          })));
    }

    @Test
    @DisplayName("a wrong key is a 401 problem")
    void wrongKey(VertxTestContext test) {
      call(HttpMethod.GET, "/api/v1/regime/elements", "sgk_not-a-key").send()
          .onComplete(test.succeeding(response -> test.verify(() -> {
            assertProblem(response, 401);
            test.completeNow();
          })));
    }

    @Test
    @DisplayName("a new tenant's key is shown once, stored only as its hash, and reads the regime")
    void tenantLifecycle(VertxTestContext test) {
      call(HttpMethod.POST, "/api/v1/tenants", ADMIN_KEY).sendJsonObject(new JsonObject().put("name", "Acme Motors"))
          .compose(created -> {
            test.verify(() -> {
              assertThat(created.statusCode()).isEqualTo(201);
              JsonObject body = created.bodyAsJsonObject();
              assertThat(body.getString("name")).isEqualTo("Acme Motors");
              assertThat(body.getString("id")).isNotBlank();
              assertThat(body.getString("apiKey")).startsWith("sgk_").hasSizeGreaterThanOrEqualTo(4 + 43);
            });
            String key = created.bodyAsJsonObject().getString("apiKey");
            return platform.gatewayDb().preparedQuery("SELECT key_hash FROM gateway.api_key WHERE tenant_id = $1::uuid")
                .execute(Tuple.of(created.bodyAsJsonObject().getString("id")))
                .compose(rows -> {
                  test.verify(() -> {
                    assertThat(rows.size()).isEqualTo(1);
                    assertThat(rows.iterator().next().getString("key_hash")).isEqualTo(ApiKeys.hash(key))
                        .doesNotContain(key);
                  });
                  return call(HttpMethod.GET, "/api/v1/regime/elements", key).send();
                })
                .compose(read -> {
                  test.verify(() -> assertThat(read.statusCode()).isEqualTo(200));
                  return call(HttpMethod.POST, "/api/v1/tenants", key)
                      .sendJsonObject(new JsonObject().put("name", "Mallory"));
                });
          })
          .onComplete(test.succeeding(forbidden -> test.verify(() -> {
            assertProblem(forbidden, 403);
            test.completeNow();
          })));
    }

    @Test
    @DisplayName("a tenant name already taken is a 409")
    void duplicateTenant(VertxTestContext test) {
      JsonObject body = new JsonObject().put("name", "Twice Ltd");
      call(HttpMethod.POST, "/api/v1/tenants", ADMIN_KEY).sendJsonObject(body)
          .compose(first -> call(HttpMethod.POST, "/api/v1/tenants", ADMIN_KEY).sendJsonObject(body))
          .onComplete(test.succeeding(second -> test.verify(() -> {
            assertProblem(second, 409);
            test.completeNow();
          })));
    }
  }

  @Nested
  @DisplayName("errors")
  class Errors {
    @Test
    @DisplayName("a tenant without a name is a 400 naming the field, and creates nothing")
    void missingName(VertxTestContext test) {
      call(HttpMethod.POST, "/api/v1/tenants", ADMIN_KEY).sendJsonObject(new JsonObject().put("nam", "typo"))
          .onComplete(test.succeeding(response -> test.verify(() -> {
            assertProblem(response, 400);
            assertThat(response.bodyAsJsonObject().getJsonArray("errors").stream()
                .map(e -> ((JsonObject) e).getString("field"))).contains("name");
            test.completeNow();
          })));
    }

    @Test
    @DisplayName("a blank tenant name is a 400 naming the field")
    void blankName(VertxTestContext test) {
      call(HttpMethod.POST, "/api/v1/tenants", ADMIN_KEY).sendJsonObject(new JsonObject().put("name", ""))
          .onComplete(test.succeeding(response -> test.verify(() -> {
            assertProblem(response, 400);
            assertThat(response.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getString("field"))
                .isEqualTo("name");
            test.completeNow();
          })));
    }

    @Test
    @DisplayName("malformed JSON is a 400 problem")
    void malformedJson(VertxTestContext test) {
      call(HttpMethod.POST, "/api/v1/tenants", ADMIN_KEY).putHeader("Content-Type", "application/json")
          .sendBuffer(Buffer.buffer("{\"name\": "))
          .onComplete(test.succeeding(response -> test.verify(() -> {
            assertProblem(response, 400);
            test.completeNow();
          })));
    }

    @Test
    @DisplayName("an unknown route is a 404 problem and a wrong method a 405 problem")
    void unknownRouteAndMethod(VertxTestContext test) {
      call(HttpMethod.GET, "/api/v1/nothing-here", ADMIN_KEY).send()
          .compose(notFound -> {
            test.verify(() -> assertProblem(notFound, 404));
            return call(HttpMethod.DELETE, "/api/v1/regime/measures", ADMIN_KEY).send();
          })
          .onComplete(test.succeeding(wrongMethod -> test.verify(() -> {
            assertProblem(wrongMethod, 405);
            test.completeNow();
          })));
    }

    @Test
    @DisplayName("a body over 64 KiB is a 413 problem, and a body that is not JSON a 415 problem")
    void tooLargeAndWrongMediaType(VertxTestContext test) {
      String huge = "{\"name\": \"" + "x".repeat(70 * 1024) + "\"}";
      call(HttpMethod.POST, "/api/v1/tenants", ADMIN_KEY).putHeader("Content-Type", "application/json")
          .sendBuffer(Buffer.buffer(huge))
          .compose(tooLarge -> {
            test.verify(() -> assertProblem(tooLarge, 413));
            return call(HttpMethod.POST, "/api/v1/tenants", ADMIN_KEY).putHeader("Content-Type", "text/plain")
                .sendBuffer(Buffer.buffer("name=Acme"));
          })
          .onComplete(test.succeeding(wrongType -> test.verify(() -> {
            assertProblem(wrongType, 415);
            test.completeNow();
          })));
    }

    @Test
    @DisplayName("the caller's X-Request-Id is returned, and one is made when it is absent")
    void requestId(VertxTestContext test) {
      call(HttpMethod.GET, "/api/v1/regime/measures", ADMIN_KEY).putHeader("X-Request-Id", "trace-42").send()
          .compose(given -> {
            test.verify(() -> assertThat(given.getHeader("X-Request-Id")).isEqualTo("trace-42"));
            return call(HttpMethod.GET, "/api/v1/regime/measures", null).send();
          })
          .onComplete(test.succeeding(made -> test.verify(() -> {
            assertThat(made.getHeader("X-Request-Id")).hasSize(36);
            test.completeNow();
          })));
    }
  }

  @Test
  @DisplayName("the OpenAPI document and the API docs are served without a key")
  void docs(VertxTestContext test) {
    call(HttpMethod.GET, "/openapi.yaml", null).send()
        .compose(contract -> {
          test.verify(() -> {
            assertThat(contract.statusCode()).isEqualTo(200);
            assertThat(contract.bodyAsString()).contains("openapi: 3.1.0", "/api/v1/regime/elements");
          });
          return call(HttpMethod.GET, "/docs", null).send();
        })
        .compose(page -> {
          test.verify(() -> assertThat(page.bodyAsString()).contains("SwaggerUIBundle"));
          return call(HttpMethod.GET, "/docs/assets/swagger-ui-bundle.js", null).send();
        })
        .onComplete(test.succeeding(bundle -> test.verify(() -> {
          assertThat(bundle.statusCode()).isEqualTo(200);
          test.completeNow();
        })));
  }
}
