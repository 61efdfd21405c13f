package io.supplyguard.inventory.recompute;

import io.supplyguard.common.bus.Addresses;
import io.supplyguard.common.bus.BusClient;
import io.supplyguard.common.bus.Role;
import io.supplyguard.inventory.position.StockPosition;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Asks the licence-service for the supply condition of a batch of one tenant's positions, in
 * one round trip (the licence-service decides conditions: it owns the regime and the licences).
 */
public final class SupplyConditions {
  private final BusClient bus;

  public SupplyConditions(BusClient bus) {
    this.bus = bus;
  }

  /**
   * The answer for a batch: T (review days from asOf) and each position's determination, by batch
   * key. A determination may carry its own {@code reviewDays} (a Watch List consignee's longer review).
   */
  public record Batch(double reviewDays, Map<String, JsonObject> byKey) {
  }

  /**
   * @param scenario hypothetical changes ({@code {changes: [...]}}), or null for the real regime
   */
  public Future<Batch> fetch(String tenantId, String requestId, LocalDate asOf, List<StockPosition> positions,
      JsonObject scenario) {
    JsonArray batch = new JsonArray();
    for (StockPosition p : positions) {
      batch.add(new JsonObject()
          .put("key", p.key().batchKey())
          .put("elements", new JsonArray(p.elements()))
          .put("form", p.form())
          .put("destination", p.destination())
          .put("endUse", p.endUse())
          .put("horizonDays", (int) Math.ceil(p.inputs().leadTimeMeanDays() + p.inputs().reviewPeriodDays()))
          .put("leadTimeDays", (int) Math.ceil(p.inputs().leadTimeMeanDays()))
          .put("orderQuantityKg", roundedToGrams(p.inputs().orderQuantity())));
      if (p.consignee() != null) {
        batch.getJsonObject(batch.size() - 1).put("consignee", p.consignee());
      }
    }
    JsonObject request = new JsonObject().put("asOf", asOf.toString()).put("positions", batch);
    if (scenario != null) {
      request.put("scenario", scenario);
    }
    return bus.request(Addresses.SUPPLY_CONDITIONS, request, new BusClient.Caller(requestId, tenantId, Role.TENANT))
        .map(reply -> {
          JsonArray determinations = reply.getJsonArray("determinations");
          Map<String, JsonObject> byKey = new HashMap<>();
          reply.getJsonArray("conditions").forEach(c -> byKey.put(((JsonObject) c).getString("key"),
              determinations.getJsonObject(((JsonObject) c).getInteger("determination"))));
          return new Batch(reply.getDouble("reviewDays"), byKey);
        });
  }

  /** The licence registry counts grams; a zero quantity asks only whether a licence exists. */
  private static Double roundedToGrams(double kg) {
    return kg <= 0 ? null : Math.ceil(kg * 1000) / 1000;
  }
}
