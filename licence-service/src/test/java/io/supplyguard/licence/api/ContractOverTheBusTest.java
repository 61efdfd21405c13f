package io.supplyguard.licence.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.common.bus.Addresses;
import io.supplyguard.common.bus.BusContract;
import io.supplyguard.common.bus.FailureCode;
import io.supplyguard.common.bus.FieldError;
import io.supplyguard.common.bus.ServiceException;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** The licence-service checks what it is sent against the bus contract, and answers as the contract says. */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContractOverTheBusTest {
  private static final BusContract CONTRACT = BusContract.shared();

  private LicenceFixture fixture;

  @BeforeAll
  void start(Vertx vertx, VertxTestContext test) {
    LicenceFixture.start(vertx).onComplete(test.succeeding(started -> {
      fixture = started;
      test.completeNow();
    }));
  }

  @Test
  @DisplayName("a licence off the contract is BAD_REQUEST naming each field, and stores nothing")
  void licenceOffTheContract(VertxTestContext test) {
    JsonObject licence = LicenceFixture.generalLicence(100).put("destination", "XX").put("quantityKg", "100")
        .put("extra", 1);
    fixture.register("t-contract-1", licence).onComplete(test.failing(failure -> test.verify(() -> {
      ServiceException e = (ServiceException) failure;
      assertThat(e.code()).isEqualTo(FailureCode.BAD_REQUEST);
      assertThat(e.errors()).extracting(FieldError::field)
          .containsExactlyInAnyOrder("destination", "quantityKg", "extra");
      assertThat(e.errors()).contains(new FieldError("extra", "is not a property of this request"));
      licences("t-contract-1").onComplete(test.succeeding(all -> test.verify(() -> {
        assertThat(all).isEmpty();
        test.completeNow();
      })));
    })));
  }

  @Test
  @DisplayName("a drawdown with a field the contract does not have draws nothing")
  void drawdownOffTheContract(VertxTestContext test) {
    String tenant = "t-contract-2";
    fixture.register(tenant, LicenceFixture.generalLicence(100))
        .compose(licence -> fixture.bus().request(Addresses.LICENCE_DRAWDOWN, new JsonObject()
                .put("id", licence.getString("id")).put("quantityKg", 5).put("shipmentRef", "s-1").put("note", "x"),
            LicenceFixture.tenant(tenant)))
        .onComplete(test.failing(failure -> test.verify(() -> {
          assertThat(((ServiceException) failure).errors())
              .containsExactly(new FieldError("note", "is not a property of this request"));
          licences(tenant).onComplete(test.succeeding(all -> test.verify(() -> {
            assertThat(all.getJsonObject(0).getDouble("drawnKg")).isZero();
            test.completeNow();
          })));
        })));
  }

  @Test
  @DisplayName("an id that is no UUID, or a status the contract does not have, is a 400 naming it, not a 500")
  void badIdAndStatus(VertxTestContext test) {
    String tenant = "t-contract-5";
    fixture.bus().request(Addresses.LICENCE_GET, new JsonObject().put("id", "not-a-uuid"),
            LicenceFixture.tenant(tenant))
        .onComplete(test.failing(badId -> test.verify(() -> {
          assertThat(((ServiceException) badId).code()).isEqualTo(FailureCode.BAD_REQUEST);
          assertThat(((ServiceException) badId).errors()).extracting(FieldError::field).containsExactly("id");
        })))
        .recover(v -> fixture.register(tenant, LicenceFixture.generalLicence(10)))
        .compose(licence -> fixture.bus().request(Addresses.LICENCE_TRANSITION, new JsonObject()
                .put("id", licence.getString("id")).put("status", "LOST").put("reason", " "),
            LicenceFixture.tenant(tenant)))
        .onComplete(test.failing(badStatus -> test.verify(() -> {
          assertThat(((ServiceException) badStatus).code()).isEqualTo(FailureCode.BAD_REQUEST);
          assertThat(((ServiceException) badStatus).errors()).extracting(FieldError::field)
              .containsExactlyInAnyOrder("status", "reason");
          test.completeNow();
        })));
  }

  @Test
  @DisplayName("the inventory-service's question of conditions is held to the closed ConditionQuery")
  void conditionQueryIsClosed(VertxTestContext test) {
    JsonObject position = LicenceFixture.position("p-1", "Dy", "OXIDE", 30).put("siteId", "plant-1");
    position.remove("horizonDays");
    JsonObject query = new JsonObject().put("asOf", "2026-11-30").put("positions", new JsonArray().add(position));
    fixture.bus().request(Addresses.SUPPLY_CONDITIONS, query, LicenceFixture.tenant("t-contract-3"))
        .onComplete(test.failing(failure -> test.verify(() -> {
          assertThat(((ServiceException) failure).errors()).extracting(FieldError::field)
              .containsExactlyInAnyOrder("positions[0].siteId", "positions[0].horizonDays");
          test.completeNow();
        })));
  }

  @Test
  @DisplayName("the replies match the contract's, the licence check's before the gateway adds material and hsCode")
  void repliesMatchTheContract(VertxTestContext test) {
    String tenant = "t-contract-4";
    JsonObject check = new JsonObject().put("elements", new JsonArray().add("Dy")).put("form", "OXIDE")
        .put("destination", "DE").put("endUse", "CIVIL").put("quantityKg", 10);
    JsonObject conditions = new JsonObject().put("asOf", "2026-11-30")
        .put("positions", new JsonArray().add(LicenceFixture.position("p-1", "Dy", "OXIDE", 30)));
    fixture.register(tenant, LicenceFixture.generalLicence(100))
        .onSuccess(licence -> replyMatches(test, Addresses.LICENCE_REGISTER, licence))
        .compose(licence -> fixture.bus().request(Addresses.LICENCE_DRAWDOWN, new JsonObject()
            .put("id", licence.getString("id")).put("quantityKg", 5).put("shipmentRef", "s-1"),
            LicenceFixture.tenant(tenant)))
        .onSuccess(drawdown -> replyMatches(test, Addresses.LICENCE_DRAWDOWN, drawdown))
        .compose(v -> fixture.bus().request(Addresses.LICENCE_LIST, new JsonObject(), LicenceFixture.tenant(tenant)))
        .onSuccess(list -> replyMatches(test, Addresses.LICENCE_LIST, list))
        .compose(v -> fixture.bus().request(Addresses.LICENCE_CHECK, check, LicenceFixture.tenant(tenant)))
        .onSuccess(answer -> replyMatches(test, Addresses.LICENCE_CHECK, answer))
        .compose(v -> fixture.bus().request(Addresses.SUPPLY_CONDITIONS, conditions, LicenceFixture.tenant(tenant)))
        .onSuccess(answer -> replyMatches(test, Addresses.SUPPLY_CONDITIONS, answer))
        .compose(v -> fixture.bus().request(Addresses.REGIME_ELEMENTS, new JsonObject(), LicenceFixture.tenant(tenant)))
        .onComplete(test.succeeding(elements -> test.verify(() -> {
          replyMatches(test, Addresses.REGIME_ELEMENTS, elements);
          test.completeNow();
        })));
  }

  private static void replyMatches(VertxTestContext test, String address, JsonObject reply) {
    test.verify(() -> assertThat(CONTRACT.errors(address, "reply", reply)).as(address).isEmpty());
  }

  private io.vertx.core.Future<JsonArray> licences(String tenant) {
    return fixture.bus().request(Addresses.LICENCE_LIST, new JsonObject(), LicenceFixture.tenant(tenant))
        .map(reply -> reply.getJsonArray("licences"));
  }
}
