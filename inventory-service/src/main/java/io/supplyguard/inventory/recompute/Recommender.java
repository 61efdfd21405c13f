package io.supplyguard.inventory.recompute;

import io.supplyguard.inventory.buffer.BufferModel;
import io.supplyguard.inventory.buffer.BufferParameters;
import io.supplyguard.inventory.buffer.LicensingDelay;
import io.supplyguard.inventory.buffer.Recommendation;
import io.supplyguard.inventory.buffer.RegimeFuture;
import io.supplyguard.inventory.buffer.SupplyCondition;
import io.supplyguard.inventory.position.StockPosition;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
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
    SupplyCondition condition = SupplyCondition.valueOf(determination.getString("condition"));
    LicensingDelay delay = LicensingDelay.of(condition, batch.reviewDays(), parameters);
    // One future until the licence-service answers the futures of uncertain suspensions.
    Recommendation recommendation =
        BufferModel.recommend(position.inputs(), condition, List.of(RegimeFuture.certain(condition, delay)));
    return new Computed(position, asOf, recommendation, determination);
  }
}
