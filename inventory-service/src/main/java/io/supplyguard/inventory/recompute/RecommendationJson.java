package io.supplyguard.inventory.recompute;

import io.supplyguard.inventory.buffer.LicensingDelay;
import io.supplyguard.inventory.buffer.Recommendation;
import io.supplyguard.inventory.position.PositionKey;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;

/**
 * A recommendation as the API shows it, with the explanation docs/buffer-model.md describes: the
 * reorder point split into its three parts, and the measures, suspensions and licences that
 * decided the condition, with their dates.
 */
public final class RecommendationJson {

  private RecommendationJson() {
  }

  public static JsonObject of(PositionKey key, LocalDate asOf, Recommendation r, JsonObject determination) {
    return new JsonObject()
        .put("siteId", key.siteId())
        .put("materialId", key.materialId())
        .put("asOf", asOf.toString())
        .put("condition", r.condition().name())
        .put("safetyStock", round(r.safetyStock()))
        .put("reorderPoint", round(r.reorderPoint()))
        .put("recommendedOrder", round(r.recommendedOrder()))
        .put("daysOfCover", round(r.daysOfCover()))
        .put("status", r.status().name())
        .put("explanation", explanation(r, determination));
  }

  private static JsonObject explanation(Recommendation r, JsonObject determination) {
    LicensingDelay g = r.delay();
    JsonObject explanation = new JsonObject()
        .put("summary", summary(r, determination))
        .put("leadTime", new JsonObject()
            .put("meanDays", round(r.leadTimeMean()))
            .put("varianceDays2", round(r.leadTimeVariance()))
            .put("licensingDelayMeanDays", g.meanDays())
            .put("licensingDelayStdDays", g.stdDays())
            .put("denialProbability", g.denialProbability())
            .put("denialDelayDays", g.denialDelayDays())
            .put("alternateSourceUsed", r.usedAlternate()))
        .put("z", round(r.z()))
        .put("measures", determination.getJsonArray("measures", new JsonArray()))
        .put("suspensionsEndingInHorizon", determination.getJsonArray("suspensionsEndingInHorizon", new JsonArray()))
        .put("prohibitions", determination.getJsonArray("prohibitions", new JsonArray()))
        .put("horizonEnd", determination.getString("horizonEnd"));
    if (r.reorderPoint() != null) {
      explanation.put("reorderPoint", new JsonObject()
          .put("leadTimeDemand", round(r.leadTimeDemand()))
          .put("licensingDemand", round(r.licensingDemand()))
          .put("safetyStock", round(r.safetyStock())));
    }
    if (determination.containsKey("coveredBy")) {
      explanation.put("licence", determination.getJsonObject("coveredBy"));
    }
    return explanation;
  }

  private static String summary(Recommendation r, JsonObject determination) {
    StringBuilder text = new StringBuilder(r.condition().name()).append(": ")
        .append(determination.getString("explanation", "")).append(' ');
    if (r.reorderPoint() == null) {
      return text.append("No alternate source is qualified, so no stock level protects the line: UNBUFFERABLE.")
          .toString();
    }
    if (r.usedAlternate()) {
      text.append("Planned on the alternate source (no licensing). ");
    }
    // StringBuilder rather than String.format: this runs for every position of a recompute.
    text.append("Reorder point ").append(cents(r.reorderPoint())).append(" kg = ")
        .append(cents(r.leadTimeDemand())).append(" normal lead-time demand d*(L+R) + ")
        .append(cents(r.licensingDemand())).append(" licensing delay and denial risk d*(muG+p*T) + ")
        .append(cents(r.safetyStock())).append(" safety stock (z ").append(Math.round(r.z() * 10000) / 10000.0)
        .append(", lead time ").append(Math.round(r.leadTimeMean() * 10) / 10.0).append(" days on average, variance ")
        .append(cents(r.leadTimeVariance())).append("). Status ").append(r.status()).append("; order ")
        .append(cents(r.recommendedOrder())).append(" kg now.");
    return text.toString();
  }

  /** Two decimals, as text. */
  private static String cents(double value) {
    return java.math.BigDecimal.valueOf(Math.round(value * 100), 2).toPlainString();
  }

  /** Figures to the gram or the hundredth: enough for a planner, stable for a test. */
  private static Double round(Double value) {
    return value == null ? null : Math.round(value * 1000) / 1000.0;
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
