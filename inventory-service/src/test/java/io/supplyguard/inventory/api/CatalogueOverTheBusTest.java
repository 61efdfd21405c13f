package io.supplyguard.inventory.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.common.bus.Addresses;
import io.supplyguard.common.bus.BusClient;
import io.supplyguard.common.bus.FailureCode;
import io.supplyguard.common.bus.FieldError;
import io.supplyguard.common.bus.Role;
import io.supplyguard.common.bus.ServiceException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CatalogueOverTheBusTest extends InventoryBusTest {
  private static final BusClient.Caller TENANT = new BusClient.Caller("r", "t", Role.TENANT);

  @Test
  @DisplayName("the seeded catalogue holds the materials docs/api-guide.md names, with their elements and forms")
  void seededCatalogue(VertxTestContext test) {
    bus.request(Addresses.MATERIALS_LIST, new JsonObject(), new BusClient.Caller("r", "t", Role.TENANT))
        .onComplete(test.succeeding(reply -> test.verify(() -> {
          JsonArray materials = reply.getJsonArray("materials");
          assertThat(materials.stream().map(m -> ((JsonObject) m).getString("id")))
              .contains("ndfeb-n52-dy", "ndfeb-n42", "dy-oxide", "tb-metal", "smco-magnet", "ho-oxide", "y-oxide");
          JsonObject magnet = byId(materials, "ndfeb-n52-dy");
          assertThat(magnet.getString("form")).isEqualTo("MAGNET");
          assertThat(magnet.getJsonArray("elements")).contains("Dy", "Tb", "Nd");
          assertThat(byId(materials, "ndfeb-n42").getJsonArray("elements")).doesNotContain("Dy", "Tb");
          assertThat(byId(materials, "ho-oxide").getString("form")).isEqualTo("OXIDE");
          test.completeNow();
        })));
  }

  @Test
  @DisplayName("one material is found by its id, with its form and elements")
  void oneMaterial(VertxTestContext test) {
    bus.request(Addresses.MATERIALS_GET, new JsonObject().put("id", "dy-oxide"), TENANT)
        .onComplete(test.succeeding(material -> test.verify(() -> {
          assertThat(material.getString("id")).isEqualTo("dy-oxide");
          assertThat(material.getString("name")).isNotBlank();
          assertThat(material.getString("form")).isEqualTo("OXIDE");
          assertThat(material.getJsonArray("elements")).containsExactly("Dy");
          test.completeNow();
        })));
  }

  @Test
  @DisplayName("a material not in the catalogue is NOT_FOUND, naming it")
  void unknownMaterial(VertxTestContext test) {
    bus.request(Addresses.MATERIALS_GET, new JsonObject().put("id", "unobtainium"), TENANT)
        .onComplete(test.failing(failure -> test.verify(() -> {
          assertThat(failure).isInstanceOf(ServiceException.class);
          assertThat(((ServiceException) failure).code()).isEqualTo(FailureCode.NOT_FOUND);
          assertThat(((ServiceException) failure).detail()).contains("unobtainium");
          test.completeNow();
        })));
  }

  @Test
  @DisplayName("a material or a site whose id is taken is a CONFLICT naming the id field; the first stays as it was")
  void takenIds(VertxTestContext test) {
    BusClient.Caller admin = new BusClient.Caller("r", null, Role.ADMIN);
    JsonObject material = new JsonObject().put("id", "gd-oxide-test").put("name", "Gadolinium oxide")
        .put("form", "OXIDE").put("elements", new JsonArray().add("Gd"));
    JsonObject site = new JsonObject().put("id", "plant-taken").put("name", "Plant");
    bus.request(Addresses.MATERIALS_CREATE, material, admin)
        .compose(first -> bus.request(Addresses.MATERIALS_CREATE, material.copy().put("name", "Other"), admin))
        .onComplete(test.failing(taken -> test.verify(() -> {
          assertConflictOnId(taken);
          bus.request(Addresses.SITES_CREATE, site, TENANT)
              .compose(first -> bus.request(Addresses.SITES_CREATE, site.copy().put("name", "Other"), TENANT))
              .onComplete(test.failing(siteTaken -> test.verify(() -> {
                assertConflictOnId(siteTaken);
                bus.request(Addresses.SITES_LIST, new JsonObject(), TENANT)
                    .onComplete(test.succeeding(sites -> test.verify(() -> {
                      assertThat(byId(sites.getJsonArray("sites"), "plant-taken").getString("name")).isEqualTo("Plant");
                      test.completeNow();
                    })));
              })));
        })));
  }

  private static void assertConflictOnId(Throwable failure) {
    assertThat(failure).isInstanceOf(ServiceException.class);
    assertThat(((ServiceException) failure).code()).isEqualTo(FailureCode.CONFLICT);
    assertThat(((ServiceException) failure).errors()).extracting(FieldError::field).containsExactly("id");
  }

  private static JsonObject byId(JsonArray materials, String id) {
    return materials.stream().map(JsonObject.class::cast).filter(m -> id.equals(m.getString("id"))).findFirst()
        .orElseThrow();
  }
}
