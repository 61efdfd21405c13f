package io.supplyguard.gateway;

import static io.supplyguard.gateway.TestPlatform.ADMIN_KEY;
import static io.supplyguard.gateway.TestPlatform.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.common.testing.Await;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Every licence-registry operation through the gateway to the real services: status codes and shapes. */
class LicenceRoutesTest extends PlatformTest {
  private String tenant;

  @BeforeAll
  void tenant() throws Exception {
    tenant = Await.result(platform.tenantKey("Routes GmbH"));
  }

  private Future<JsonObject> registered(JsonObject body, String idempotencyKey) {
    return platform.call(HttpMethod.POST, "/api/v1/licences", tenant).putHeader("Idempotency-Key", idempotencyKey)
        .sendJsonObject(body).map(response -> {
          assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
          return response.bodyAsJsonObject();
        });
  }

  @Test
  @DisplayName("register (201, replayed by its Idempotency-Key), read, list, change status, draw down and read the history")
  void licenceLifecycle(VertxTestContext test) {
    JsonObject body = ValidBodies.licence().put("validFrom", "2026-11-01").put("validTo", "2027-10-31")
        .put("elements", new JsonArray().add("Dy").add("Lu"));
    registered(body, "reg-1").compose(first -> registered(body, "reg-1").map(replay -> {
      test.verify(() -> assertThat(replay.getString("id")).isEqualTo(first.getString("id")));
      return first.getString("id");
    })).compose(id -> platform.call(HttpMethod.GET, "/api/v1/licences/" + id, tenant).send().compose(read -> {
      test.verify(() -> {
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.bodyAsJsonObject().getDouble("remainingKg")).isEqualTo(1200.0);
      });
      return platform.call(HttpMethod.GET, "/api/v1/licences?element=Lu&limit=10", tenant).send();
    }).compose(list -> {
      test.verify(() -> {
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.bodyAsJsonObject().getJsonArray("licences")).hasSize(1);
        assertThat(list.bodyAsJsonObject().getInteger("limit")).isEqualTo(10);
        assertThat(list.bodyAsJsonObject().getInteger("offset")).isEqualTo(0);
      });
      return platform.call(HttpMethod.POST, "/api/v1/licences/" + id + "/status", tenant)
          .sendJsonObject(new JsonObject().put("status", "DENIED"));
    }).compose(illegal -> {
      test.verify(() -> {
        assertProblem(illegal, 409);
        assertThat(illegal.bodyAsJsonObject().getJsonArray("allowed")).containsExactly("REVOKED", "SUSPENDED");
      });
      return platform.call(HttpMethod.POST, "/api/v1/licences/" + id + "/drawdowns", tenant)
          .putHeader("Idempotency-Key", "draw-1")
          .sendJsonObject(new JsonObject().put("quantityKg", 200.5).put("shipmentRef", "SO-1"));
    }).compose(drawn -> {
      test.verify(() -> {
        assertThat(drawn.statusCode()).as(drawn.bodyAsString()).isEqualTo(201);
        assertThat(drawn.bodyAsJsonObject().getDouble("remainingKg")).isEqualTo(999.5);
        assertThat(drawn.bodyAsJsonObject().getString("licenceId")).isEqualTo(id);
      });
      return platform.call(HttpMethod.POST, "/api/v1/licences/" + id + "/drawdowns", tenant)
          .sendJsonObject(new JsonObject().put("quantityKg", 1000).put("shipmentRef", "SO-2"));
    }).compose(overCap -> {
      test.verify(() -> {
        assertProblem(overCap, 409);
        assertThat(overCap.bodyAsJsonObject().getDouble("remainingKg")).isEqualTo(999.5);
      });
      return platform.call(HttpMethod.GET, "/api/v1/licences/" + id + "/history", tenant).send();
    })).onComplete(test.succeeding(history -> test.verify(() -> {
      assertThat(history.statusCode()).isEqualTo(200);
      assertThat(history.bodyAsJsonObject().getJsonArray("events").stream()
          .map(e -> ((JsonObject) e).getString("action"))).containsExactly("REGISTERED", "DRAWN");
      test.completeNow();
    })));
  }

  @Test
  @DisplayName("an Idempotency-Key reused with another body is a 422 problem")
  void reusedKey(VertxTestContext test) {
    registered(ValidBodies.licence(), "reg-2")
        .compose(v -> platform.call(HttpMethod.POST, "/api/v1/licences", tenant).putHeader("Idempotency-Key", "reg-2")
            .sendJsonObject(ValidBodies.licence().put("quantityKg", 5)))
        .onComplete(test.succeeding(response -> test.verify(() -> {
          assertProblem(response, 422);
          test.completeNow();
        })));
  }

  @Test
  @DisplayName("the licence check by tariff line checks the one material that carries it; a shared line is a 400 listing them")
  void licenceCheckByHsCode(VertxTestContext test) {
    platform.call(HttpMethod.GET, "/api/v1/licence-check?hsCode=2805301300&destination=DE&endUse=CIVIL", tenant).send()
        .compose(one -> {
          test.verify(() -> {
            assertThat(one.statusCode()).as(one.bodyAsString()).isEqualTo(200);
            assertThat(one.bodyAsJsonObject().getString("material")).isEqualTo("tb-metal");
            assertThat(one.bodyAsJsonObject().getString("hsCode")).isEqualTo("2805301300");
            assertThat(one.bodyAsJsonObject().getJsonArray("elements")).containsExactly("Tb");
          });
          return platform.call(HttpMethod.GET, "/api/v1/licence-check?hsCode=8505111000&destination=DE&endUse=CIVIL",
              tenant).send();
        })
        .onComplete(test.succeeding(shared -> test.verify(() -> {
          assertProblem(shared, 400);
          JsonObject error = shared.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0);
          assertThat(error.getString("field")).isEqualTo("hsCode");
          assertThat(error.getString("message")).contains("ndfeb-n42", "ndfeb-n52-dy", "smco-magnet");
          test.completeNow();
        })));
  }

  @Test
  @DisplayName("the licence check looks the material up in the catalogue, then decides")
  void licenceCheck(VertxTestContext test) {
    platform.call(HttpMethod.GET, "/api/v1/licence-check?material=ho-oxide&destination=DE&endUse=CIVIL"
            + "&asOf=2026-10-01&horizonDays=60", tenant).send()
        .onComplete(test.succeeding(response -> test.verify(() -> {
          assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
          JsonObject check = response.bodyAsJsonObject();
          assertThat(check.getString("material")).isEqualTo("ho-oxide");
          assertThat(check.getString("decision")).isEqualTo("LICENCE_REQUIRED");
          assertThat(check.getJsonArray("suspensionsEndingInHorizon").getJsonObject(0).getString("until"))
              .isEqualTo("2026-11-10");
          assertThat(check.getString("explanation")).contains("MOFCOM-GAC-2025-57", "2026-11-10");
          test.completeNow();
        })));
  }

  @Test
  @DisplayName("ADMIN creates (201) and amends a measure, adds (201) and lifts a suspension, and reads the regime's history")
  void regimeAdministration(VertxTestContext test) {
    platform.call(HttpMethod.POST, "/api/v1/regime/measures", ADMIN_KEY).sendJsonObject(ValidBodies.measure())
        .compose(created -> {
          test.verify(() -> assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201));
          return platform.call(HttpMethod.PATCH, "/api/v1/regime/measures/TEST-2026-1", ADMIN_KEY)
              .sendJsonObject(new JsonObject().put("title", "Renamed"));
        })
        .compose(amended -> {
          test.verify(() -> assertThat(amended.bodyAsJsonObject().getString("title")).isEqualTo("Renamed"));
          return platform.call(HttpMethod.POST, "/api/v1/regime/measures/TEST-2026-1/suspensions", ADMIN_KEY)
              .sendJsonObject(ValidBodies.suspension("2026-12-01"));
        })
        .compose(added -> {
          test.verify(() -> assertThat(added.statusCode()).as(added.bodyAsString()).isEqualTo(201));
          long id = added.bodyAsJsonObject().getLong("id");
          return platform.call(HttpMethod.POST, "/api/v1/regime/measures/TEST-2026-1/suspensions/" + id + "/lift",
              ADMIN_KEY).sendJsonObject(new JsonObject().put("on", "2027-01-15"));
        })
        .compose(lifted -> {
          test.verify(() -> {
            assertThat(lifted.statusCode()).as(lifted.bodyAsString()).isEqualTo(200);
            assertThat(lifted.bodyAsJsonObject().getString("liftedOn")).isEqualTo("2027-01-15");
          });
          return platform.call(HttpMethod.GET, "/api/v1/regime/measures/TEST-2026-1", tenant).send();
        })
        .compose(measure -> {
          test.verify(() -> assertThat(measure.bodyAsJsonObject().getJsonArray("suspensions")).hasSize(1));
          return platform.call(HttpMethod.GET, "/api/v1/regime/history?limit=10", ADMIN_KEY).send();
        })
        .onComplete(test.succeeding(history -> test.verify(() -> {
          assertThat(history.statusCode()).isEqualTo(200);
          assertThat(history.bodyAsJsonObject().getJsonArray("events").stream()
              .map(e -> ((JsonObject) e).getString("action"))).contains("CREATED", "AMENDED", "ADDED", "LIFTED");
          test.completeNow();
        })));
  }
}
