package io.supplyguard.inventory.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.supplyguard.common.bus.Addresses;
import io.supplyguard.common.bus.FailureCode;
import io.supplyguard.common.bus.ServiceException;
import io.supplyguard.common.testing.Await;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * An announcement through both services (today 2026-11-30): its dry run answers, per tenant,
 * exactly the positions whose stored recommendation the real run then changes, with the same
 * condition, reorder point and status; nothing else changes.
 */
class AnnouncementOverTheBusTest extends BufferBusTest {
  AnnouncementOverTheBusTest() {
    super(new JsonObject().put("OUTBOX_FLUSH_MS", "50"));
  }

  /**
   * A new measure on lanthanum oxide, in force since 2026-11-01 (tenant A's la-test-oxide becomes
   * LICENCE_REQUIRED); a new measure on cerium metal suspended by the same announcement past the
   * horizon (nothing changes); No. 18 suspended from today for a year (tenant B's dy-oxide becomes
   * NOT_CONTROLLED); "Acme Defence Inc." put on the Control List (tenant B's nd-metal, shipped to
   * "ACME DEFENCE CORP", becomes PROHIBITED).
   */
  private static JsonObject announcement() {
    return new JsonObject().put("number", "MOFCOM 2026 No. 96").put("issuedOn", "2026-11-28")
        .put("title", "Announcement on lanthanum and cerium").put("sourceUrl", "https://www.mofcom.gov.cn/a/96")
        .put("measures", new JsonArray()
            .add(measure("TEST-ANN-LA", "La", "OXIDE"))
            .add(measure("TEST-ANN-CE", "Ce", "METAL")))
        .put("suspensions", new JsonArray()
            .add(new JsonObject().put("measureId", "TEST-ANN-CE").put("from", "2026-11-01").put("until", "2027-12-31"))
            .add(new JsonObject().put("measureId", "MOFCOM-GAC-2025-18").put("from", "2026-11-30")
                .put("until", "2027-11-29")))
        .put("listings", new JsonArray().add(new JsonObject().put("list", "CONTROL_LIST")
            .put("name", "Acme Defence Inc.").put("country", "US")));
  }

  private static JsonObject measure(String id, String element, String form) {
    return new JsonObject().put("id", id).put("issuer", "MOFCOM").put("title", id).put("kind", "LICENCE_REQUIRED")
        .put("issuedOn", "2026-11-28").put("inForceFrom", "2026-11-01").put("elements", new JsonArray().add(element))
        .put("forms", new JsonArray().add(form)).put("source", "MOFCOM Announcement 2026 No. 96");
  }

  @Test
  @DisplayName("dry run equals the real run's effect: the positions whose stored recommendation changed, with their"
      + " condition, reorder point and status, are the dry run's, for both tenants; a dry run stores nothing")
  void dryRunEqualsRealRun(Vertx vertx) throws Exception {
    material("la-test-oxide", "La", "OXIDE");
    material("ce-test-metal", "Ce", "METAL");
    position("t-ann-a", "la-test-oxide");
    position("t-ann-a", "ce-test-metal");
    position("t-ann-a", "nd-metal");
    position("t-ann-b", "dy-oxide");
    position("t-ann-b", "ce-test-metal");
    position("t-ann-b", "y-oxide");
    Await.result(platform.upsert("t-ann-b", BufferBus.workedExample("plant-1", "nd-metal")
        .put("consignee", "ACME DEFENCE CORP")));
    Map<String, JsonObject> before = stored();

    JsonObject dryRun = Await.result(platform.request(Addresses.REGIME_ANNOUNCEMENT_APPLY,
        announcement().put("dryRun", true), BufferBus.admin()));
    assertThat(dryRun.getBoolean("dryRun")).isTrue();
    Map<String, JsonObject> predictedTo = new TreeMap<>();
    Map<String, JsonObject> predictedFrom = new TreeMap<>();
    for (Object t : dryRun.getJsonArray("tenants")) {
      JsonObject tenant = (JsonObject) t;
      for (Object p : tenant.getJsonArray("positions")) {
        JsonObject position = (JsonObject) p;
        String key = tenant.getString("tenantId") + "/" + position.getString("siteId") + "/"
            + position.getString("materialId");
        predictedTo.put(key, position.getJsonObject("to"));
        predictedFrom.put(key, position.getJsonObject("from"));
      }
    }
    assertThat(predictedTo.keySet()).containsExactly("t-ann-a/plant-1/la-test-oxide", "t-ann-b/plant-1/dy-oxide",
        "t-ann-b/plant-1/nd-metal", "t-ann-b/plant-1/y-oxide");
    assertThat(predictedTo.get("t-ann-b/plant-1/nd-metal").getString("condition")).isEqualTo("PROHIBITED");
    assertThat(predictedTo.get("t-ann-a/plant-1/la-test-oxide").getString("condition")).isEqualTo("LICENCE_REQUIRED");
    assertThat(predictedTo.get("t-ann-b/plant-1/dy-oxide").getString("condition")).isEqualTo("NOT_CONTROLLED");
    // Nothing stored: no measure, and every stored recommendation as it was.
    Throwable absent = catchThrowable(() -> Await.result(platform.request(Addresses.REGIME_MEASURE_GET,
        new JsonObject().put("id", "TEST-ANN-LA"), BufferBus.admin())));
    assertThat(((ServiceException) (absent.getCause() != null ? absent.getCause() : absent)).code()).isEqualTo(FailureCode.NOT_FOUND);
    assertThat(stored()).isEqualTo(before);

    // Two recomputes: the positions its measures reach, and those naming a consignee (its listings).
    Promise<Void> recomputed = Promise.promise();
    java.util.concurrent.atomic.AtomicInteger recomputes = new java.util.concurrent.atomic.AtomicInteger();
    Await.result(vertx.eventBus().<JsonObject>consumer(Addresses.INVENTORY_RECOMPUTED, m -> {
      if (m.body().getString("reason").contains("ANNOUNCEMENT_APPLIED") && recomputes.incrementAndGet() == 2) {
        recomputed.tryComplete();
      }
    }).completion());
    JsonObject applied = Await.result(platform.request(Addresses.REGIME_ANNOUNCEMENT_APPLY, announcement(),
        BufferBus.admin()));
    assertThat(applied.getJsonArray("measures")).containsExactly("TEST-ANN-LA", "TEST-ANN-CE");
    recomputed.future().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);

    Map<String, JsonObject> after = stored();
    Map<String, JsonObject> changedTo = new TreeMap<>();
    Map<String, JsonObject> changedFrom = new TreeMap<>();
    after.forEach((key, figures) -> {
      if (!figures.equals(before.get(key))) {
        changedTo.put(key, figures);
        changedFrom.put(key, before.get(key));
      }
    });
    assertThat(after.keySet()).isEqualTo(before.keySet());
    assertThat(changedTo).isEqualTo(predictedTo);
    assertThat(changedFrom).isEqualTo(predictedFrom);
  }

  private void material(String id, String symbol, String form) throws Exception {
    Await.result(platform.request(Addresses.MATERIALS_CREATE, new JsonObject().put("id", id).put("name", id)
        .put("form", form).put("elements", new JsonArray().add(symbol)), BufferBus.admin()));
  }

  private void position(String tenant, String material) throws Exception {
    Await.result(platform.site(tenant, "plant-1").recover(e -> io.vertx.core.Future.succeededFuture()));
    Await.result(platform.upsert(tenant, BufferBus.workedExample("plant-1", material)));
  }

  /** Every stored recommendation of both tenants: its condition, reorder point and status, by tenant/site/material. */
  private Map<String, JsonObject> stored() throws Exception {
    Map<String, JsonObject> figures = new TreeMap<>();
    for (String tenant : new String[] {"t-ann-a", "t-ann-b"}) {
      for (Object o : Await.result(platform.stored(tenant))) {
        JsonObject r = (JsonObject) o;
        figures.put(tenant + "/" + r.getString("siteId") + "/" + r.getString("materialId"), new JsonObject()
            .put("condition", r.getValue("condition")).put("reorderPoint", r.getValue("reorderPoint"))
            .put("status", r.getValue("status")));
      }
    }
    return figures;
  }
}
