package io.supplyguard.inventory.recompute;

import io.supplyguard.inventory.buffer.BufferModel;
import io.supplyguard.inventory.buffer.BufferParameters;
import io.supplyguard.inventory.buffer.LicensingDelay;
import io.supplyguard.inventory.buffer.Recommendation;
import io.supplyguard.inventory.buffer.RegimeFuture;
import io.supplyguard.inventory.buffer.SupplyCondition;
import io.supplyguard.inventory.position.StockPosition;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** From a position and the licence-service's determination to its recommendation. */
public final class Recommender {
  private final BufferParameters parameters;

  public Recommender(BufferParameters parameters) {
    this.parameters = parameters;
  }

  /** The kernel's result for one position, and the determination that decided its condition. */
  public record Computed(StockPosition position, LocalDate asOf, Recommendation recommendation,
      JsonObject determination) {

    /** As the API shows it, explanation included. */
    public JsonObject json() {
      return RecommendationJson.of(position.key(), asOf, recommendation, determination);
    }
  }

  public Computed compute(StockPosition position, SupplyConditions.Batch batch, LocalDate asOf) {
    JsonObject determination = batch.byKey().get(position.key().batchKey());
    SupplyCondition reported = SupplyCondition.valueOf(determination.getString("condition"));
    // The licence-service answers the destination's denial probability with every determination.
    BufferParameters forDestination = parameters.withDenialProbability(
        determination.getDouble("denialProbability", parameters.denialProbability()));
    Recommendation recommendation = BufferModel.recommend(position.inputs(), reported,
        futures(determination, reported, determination.getDouble("reviewDays", batch.reviewDays()), forDestination));
    return new Computed(position, asOf, recommendation, determination);
  }

  /**
   * The determination's futures, in its order (the first: every suspension ends as announced), so
   * that the explanation can name each one's suspensions by position. With q = 1 the one future
   * may differ from the reported condition (the suspension is certain to be extended), so even a
   * single future is taken as given; only a determination without futures is one certain future.
   */
  private static List<RegimeFuture> futures(JsonObject determination, SupplyCondition reported, double reviewDays,
      BufferParameters p) {
    JsonArray futures = determination.getJsonArray("futures");
    if (futures == null || futures.isEmpty()) {
      return List.of(RegimeFuture.certain(reported, LicensingDelay.of(reported, reviewDays, p)));
    }
    List<RegimeFuture> result = new ArrayList<>(futures.size());
    for (int i = 0; i < futures.size(); i++) {
      JsonObject future = futures.getJsonObject(i);
      SupplyCondition condition = SupplyCondition.valueOf(future.getString("condition"));
      result.add(new RegimeFuture(future.getDouble("weight"), condition, LicensingDelay.of(condition, reviewDays, p)));
    }
    return result;
  }
}
