package io.supplyguard.inventory.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.common.bus.Addresses;
import io.supplyguard.common.bus.BusClient;
import io.supplyguard.common.bus.FailureCode;
import io.supplyguard.common.bus.Role;
import io.supplyguard.common.bus.ServiceException;
import io.supplyguard.common.testing.TestPostgres;
import io.supplyguard.common.testing.TestServices;
import io.supplyguard.inventory.InventoryService;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogueOverTheBusTest {
  private static final BusClient.Caller TENANT = new BusClient.Caller("r", "t", Role.TENANT);

  private BusClient bus;

  @BeforeAll
  void startService(Vertx vertx, VertxTestContext test) {
    bus = new BusClient(vertx, Duration.ofSeconds(5));
    TestServices.start(vertx, new InventoryService(), TestPostgres.newDatabase(), Clock.systemUTC())
        .onComplete(test.succeedingThenComplete());
  }

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

  private static JsonObject byId(JsonArray materials, String id) {
    return materials.stream().map(JsonObject.class::cast).filter(m -> id.equals(m.getString("id"))).findFirst()
        .orElseThrow();
  }
}
