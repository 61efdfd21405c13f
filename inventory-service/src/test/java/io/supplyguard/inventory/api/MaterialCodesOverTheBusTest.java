package io.supplyguard.inventory.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.common.bus.Addresses;
import io.supplyguard.common.bus.BusClient;
import io.supplyguard.common.bus.FailureCode;
import io.supplyguard.common.bus.FieldError;
import io.supplyguard.common.bus.Role;
import io.supplyguard.common.bus.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The catalogue's control codes and tariff lines (migration V8), over the bus. */
class MaterialCodesOverTheBusTest extends InventoryBusTest {
  private static final BusClient.Caller TENANT = new BusClient.Caller("r", "t", Role.TENANT);
  private static final BusClient.Caller ADMIN = new BusClient.Caller("r", null, Role.ADMIN);

  @Test
  @DisplayName("the seeded materials carry the confirmed codes only: none for an inferred control code or an oxide's tariff line")
  void seeded(VertxTestContext test) {
    bus.request(Addresses.MATERIALS_LIST, new JsonObject(), TENANT)
        .onComplete(test.succeeding(reply -> test.verify(() -> {
          JsonArray materials = reply.getJsonArray("materials");
          assertCodes(byId(materials, "ndfeb-n52-dy"), "1C904.a", "8505111000");
          assertCodes(byId(materials, "ndfeb-n42"), null, "8505111000");
          assertCodes(byId(materials, "smco-magnet"), "1C902", "8505111000");
          assertCodes(byId(materials, "tb-metal"), "1C904", "2805301300");
          assertCodes(byId(materials, "nd-metal"), null, "2805301100");
          assertCodes(byId(materials, "ho-oxide"), "1C909", null);
          assertCodes(byId(materials, "gd-oxide"), "1C903", null);
          assertCodes(byId(materials, "eu-oxide"), "1C912", null);
          assertCodes(byId(materials, "dy-oxide"), null, null);
          assertCodes(byId(materials, "y-oxide"), null, null);
          test.completeNow();
        })));
  }

  @Test
  @DisplayName("ADMIN adds a material with its codes; they are read back by id and the tariff line finds it")
  void create(VertxTestContext test) {
    JsonObject lu = new JsonObject().put("id", "lu-metal-test").put("name", "Lutetium metal").put("form", "METAL")
        .put("elements", new JsonArray().add("Lu")).put("controlCode", "1C906").put("hsCode", "2805301999");
    bus.request(Addresses.MATERIALS_CREATE, lu, ADMIN)
        .compose(created -> Future.all(
            bus.request(Addresses.MATERIALS_GET, new JsonObject().put("id", "lu-metal-test"), TENANT),
            bus.request(Addresses.MATERIALS_GET, new JsonObject().put("hsCode", "2805301999"), TENANT)))
        .onComplete(test.succeeding(both -> test.verify(() -> {
          assertCodes(both.resultAt(0), "1C906", "2805301999");
          assertThat(((JsonObject) both.resultAt(1)).getString("id")).isEqualTo("lu-metal-test");
          test.completeNow();
        })));
  }

  @Test
  @DisplayName("a malformed control code or tariff line is a 400 naming it, and adds nothing")
  void malformed(VertxTestContext test) {
    JsonObject bad = new JsonObject().put("id", "bad-codes").put("name", "Bad").put("form", "METAL")
        .put("elements", new JsonArray().add("Lu")).put("controlCode", "1C90").put("hsCode", "85051110");
    bus.request(Addresses.MATERIALS_CREATE, bad, ADMIN)
        .onComplete(test.failing(failure -> test.verify(() -> {
          assertThat(failure).isInstanceOf(ServiceException.class);
          ServiceException e = (ServiceException) failure;
          assertThat(e.code()).isEqualTo(FailureCode.BAD_REQUEST);
          assertThat(e.errors()).extracting(FieldError::field).containsExactlyInAnyOrder("controlCode", "hsCode");
          bus.request(Addresses.MATERIALS_GET, new JsonObject().put("id", "bad-codes"), TENANT)
              .onComplete(test.failing(missing -> test.verify(() -> {
                assertThat(((ServiceException) missing).code()).isEqualTo(FailureCode.NOT_FOUND);
                test.completeNow();
              })));
        })));
  }

  @Test
  @DisplayName("by tariff line: one material is found; none is NOT_FOUND; several (the magnets) are a 400 naming hsCode and listing them")
  void byHsCode(VertxTestContext test) {
    Future<JsonObject> one = bus.request(Addresses.MATERIALS_GET, new JsonObject().put("hsCode", "2805301300"), TENANT);
    Future<JsonObject> none = bus.request(Addresses.MATERIALS_GET, new JsonObject().put("hsCode", "2805301200"), TENANT);
    Future<JsonObject> several = bus.request(Addresses.MATERIALS_GET, new JsonObject().put("hsCode", "8505111000"),
        TENANT);
    Future<JsonObject> malformed = bus.request(Addresses.MATERIALS_GET, new JsonObject().put("hsCode", "28053013"),
        TENANT);
    Future.join(one, none, several, malformed).onComplete(done -> test.verify(() -> {
      assertThat(one.result().getString("id")).isEqualTo("tb-metal");
      assertThat(((ServiceException) none.cause()).code()).isEqualTo(FailureCode.NOT_FOUND);
      ServiceException shared = (ServiceException) several.cause();
      assertThat(shared.code()).isEqualTo(FailureCode.BAD_REQUEST);
      assertThat(shared.errors()).extracting(FieldError::field).containsExactly("hsCode");
      assertThat(shared.errors().get(0).message()).contains("ndfeb-n42", "ndfeb-n52-dy", "smco-magnet");
      ServiceException bad = (ServiceException) malformed.cause();
      assertThat(bad.code()).isEqualTo(FailureCode.BAD_REQUEST);
      assertThat(bad.errors()).extracting(FieldError::field).containsExactly("hsCode");
      test.completeNow();
    }));
  }

  private static void assertCodes(JsonObject material, String controlCode, String hsCode) {
    assertThat(material.getString("controlCode")).as(material.getString("id") + " controlCode").isEqualTo(controlCode);
    assertThat(material.getString("hsCode")).as(material.getString("id") + " hsCode").isEqualTo(hsCode);
    assertThat(material.containsKey("controlCode")).isEqualTo(controlCode != null);
    assertThat(material.containsKey("hsCode")).isEqualTo(hsCode != null);
  }

  private static JsonObject byId(JsonArray materials, String id) {
    return materials.stream().map(JsonObject.class::cast).filter(m -> id.equals(m.getString("id"))).findFirst()
        .orElseThrow();
  }
}
