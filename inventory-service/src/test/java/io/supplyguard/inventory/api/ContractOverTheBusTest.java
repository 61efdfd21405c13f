package io.supplyguard.inventory.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.common.bus.Addresses;
import io.supplyguard.common.bus.BusClient;
import io.supplyguard.common.bus.BusContract;
import io.supplyguard.common.bus.FailureCode;
import io.supplyguard.common.bus.FieldError;
import io.supplyguard.common.bus.Role;
import io.supplyguard.common.bus.ServiceException;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxTestContext;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The inventory-service checks what it is sent against the bus contract, and answers as the contract says. */
class ContractOverTheBusTest extends InventoryBusTest {
  private static final BusContract CONTRACT = BusContract.shared();

  @Test
  @DisplayName("a message off the contract is BAD_REQUEST naming each field, and stores nothing")
  void offTheContract(VertxTestContext test) {
    BusClient.Caller tenant = tenant();
    JsonObject site = new JsonObject().put("id", "plant-7").put("name", "Plant").put("country", "XX").put("extra", 1);
    bus.request(Addresses.SITES_CREATE, site, tenant).onComplete(test.failing(failure -> test.verify(() -> {
      ServiceException e = (ServiceException) failure;
      assertThat(e.code()).isEqualTo(FailureCode.BAD_REQUEST);
      assertThat(e.errors()).containsExactlyInAnyOrder(
          new FieldError("country", "must be an ISO 3166 alpha-2 country code such as DE or US"),
          new FieldError("extra", "is not a property of this request"));
      bus.request(Addresses.SITES_LIST, new JsonObject(), tenant)
          .onComplete(test.succeeding(sites -> test.verify(() -> {
            assertThat(sites.getJsonArray("sites")).isEmpty();
            test.completeNow();
          })));
    })));
  }

  @Test
  @DisplayName("a position with a number written as text is refused naming it, and is not stored")
  void positionOffTheContract(VertxTestContext test) {
    BusClient.Caller tenant = tenant();
    JsonObject key = new JsonObject().put("siteId", "plant-1").put("materialId", "dy-oxide");
    bus.request(Addresses.SITES_CREATE, new JsonObject().put("id", "plant-1").put("name", "Plant"), tenant)
        .compose(site -> bus.request(Addresses.POSITIONS_UPSERT, position(key).put("onHand", "900"), tenant))
        .onComplete(test.failing(failure -> test.verify(() -> {
          assertThat(((ServiceException) failure).errors()).extracting(FieldError::field).containsExactly("onHand");
          bus.request(Addresses.POSITIONS_GET, key, tenant).onComplete(test.failing(missing -> test.verify(() -> {
            assertThat(((ServiceException) missing).code()).isEqualTo(FailureCode.NOT_FOUND);
            test.completeNow();
          })));
        })));
  }

  @Test
  @DisplayName("the replies of the catalogue and of a tenant's sites match their schemas")
  void repliesMatchTheContract(VertxTestContext test) {
    BusClient.Caller tenant = tenant();
    bus.request(Addresses.SITES_CREATE, new JsonObject().put("id", "plant-2").put("name", " Plant ")
            .put("country", "DE"), tenant)
        .onSuccess(site -> test.verify(() ->
            assertThat(CONTRACT.errors(Addresses.SITES_CREATE, "reply", site)).isEmpty()))
        .compose(site -> bus.request(Addresses.SITES_LIST, new JsonObject(), tenant))
        .onSuccess(sites -> test.verify(() -> {
          assertThat(CONTRACT.errors(Addresses.SITES_LIST, "reply", sites)).isEmpty();
          assertThat(sites.getJsonArray("sites").getJsonObject(0).getString("name")).isEqualTo("Plant");
        }))
        .compose(sites -> bus.request(Addresses.MATERIALS_GET, new JsonObject().put("hsCode", "2805301300"), tenant))
        .onSuccess(material -> test.verify(() ->
            assertThat(CONTRACT.errors(Addresses.MATERIALS_GET, "reply", material)).isEmpty()))
        .compose(material -> bus.request(Addresses.MATERIALS_LIST, new JsonObject(), tenant))
        .onComplete(test.succeeding(materials -> test.verify(() -> {
          assertThat(CONTRACT.errors(Addresses.MATERIALS_LIST, "reply", materials)).isEmpty();
          test.completeNow();
        })));
  }

  private static JsonObject position(JsonObject key) {
    return key.copy().put("onHand", 900).put("onOrder", 0).put("demandMeanPerDay", 10).put("demandStdPerDay", 4)
        .put("leadTimeMeanDays", 30).put("leadTimeStdDays", 5).put("endUse", "AUTOMOTIVE").put("destination", "DE")
        .put("consignee", "  Acme GmbH ");
  }

  private static BusClient.Caller tenant() {
    return new BusClient.Caller("r", UUID.randomUUID().toString(), Role.TENANT);
  }
}
