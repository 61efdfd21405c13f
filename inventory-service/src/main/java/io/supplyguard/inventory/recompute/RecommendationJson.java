package io.supplyguard.inventory.recompute;

import io.supplyguard.inventory.buffer.LeadTimeBranch;
import io.supplyguard.inventory.buffer.LicensingDelay;
import io.supplyguard.inventory.buffer.Recommendation;
import io.supplyguard.inventory.buffer.RegimeFuture;
import io.supplyguard.inventory.buffer.ServiceMeasure;
import io.supplyguard.inventory.position.PositionKey;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;

/**
 * A recommendation as the API shows it, with the explanation docs/buffer-model.md describes: the
 * futures and lead-time branches, the reorder point split into its three parts, and the measures, suspensions and licences that
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
        .put("expectedLeadTimeDemand", round(r.expectedLeadTimeDemand()))
        .put("status", r.status().name())
        .put("futures", futures(r, determination))
        .put("branches", branches(r))
        .put("explanation", explanation(r, determination));
  }

  /**
   * Each future with the suspensions whose choice makes it (extended or ending as announced),
   * taken from the determination's futures, which the recommendation's keep in the same order.
   */
  private static JsonArray futures(Recommendation r, JsonObject determination) {
    JsonArray decided = determination.getJsonArray("futures");
    boolean aligned = decided != null && decided.size() == r.futures().size();
    JsonArray futures = new JsonArray();
    for (int i = 0; i < r.futures().size(); i++) {
      RegimeFuture f = r.futures().get(i);
      JsonArray suspensions = aligned ? decided.getJsonObject(i).getJsonArray("suspensions", new JsonArray())
          : new JsonArray();
      futures.add(new JsonObject().put("weight", share(f.weight())).put("condition", f.condition().name())
          .put("suspensions", suspensions));
    }
    return futures;
  }

  /** A branch without supply has no lead time: its mean and std are null. */
  private static JsonArray branches(Recommendation r) {
    JsonArray branches = new JsonArray();
    for (LeadTimeBranch b : r.branches()) {
      branches.add(new JsonObject().put("weight", share(b.weight()))
          .put("leadTimeMeanDays", round(b.leadTimeMeanDays()))
          .put("leadTimeStdDays", round(b.leadTimeStdDays())));
    }
    return branches;
  }

  private static JsonObject explanation(Recommendation r, JsonObject determination) {
    LicensingDelay g = r.delay();
    JsonObject explanation = new JsonObject()
        .put("summary", summary(r, determination))
        .put("serviceMeasure", r.serviceMeasure().name())
        .put("serviceLevel", share(r.target().serviceLevel()))
        .put("leadTime", new JsonObject()
            .put("meanDays", round(r.leadTimeMean()))
            .put("varianceDays2", round(r.leadTimeVariance()))
            .put("licensingDelayMeanDays", g.meanDays())
            .put("licensingDelayStdDays", g.stdDays())
            .put("denialProbability", g.denialProbability())
            .put("denialSource", determination.getString("denialSource"))
            .put("denialDelayDays", g.denialDelayDays())
            .put("alternateSourceUsed", r.usedAlternate()))
        .put("measures", determination.getJsonArray("measures", new JsonArray()))
        .put("suspensionsEndingInHorizon", determination.getJsonArray("suspensionsEndingInHorizon", new JsonArray()))
        .put("prohibitions", determination.getJsonArray("prohibitions", new JsonArray()))
        .put("horizonEnd", determination.getString("horizonEnd"));
    if (r.reorderPoint() != null) {
      explanation.put("reorderPoint", new JsonObject()
          .put("normalLeadTimeDemand", round(r.normalLeadTimeDemand()))
          .put("riskDemand", round(r.riskDemand()))
          .put("safetyStock", round(r.safetyStock())));
    }
    if (r.unbufferableReason() != null) {
      explanation.put("unbufferableReason", r.unbufferableReason());
    }
    if (determination.containsKey("coveredBy")) {
      explanation.put("licence", determination.getJsonObject("coveredBy"));
    }
    return explanation;
  }

  private static String summary(Recommendation r, JsonObject determination) {
    StringBuilder text = new StringBuilder(r.condition().name()).append(": ")
        .append(determination.getString("explanation", "")).append(' ');
    if (r.futures().size() > 1) {
      JsonArray decided = determination.getJsonArray("futures");
      text.append("Over ").append(r.futures().size()).append(" futures of the regime:");
      String separator = " ";
      for (int i = 0; i < r.futures().size(); i++) {
        RegimeFuture f = r.futures().get(i);
        text.append(separator).append(percent(f.weight())).append(' ').append(f.condition().name());
        if (decided != null && decided.size() == r.futures().size()) {
          text.append(" (").append(choices(decided.getJsonObject(i).getJsonArray("suspensions"))).append(')');
        }
        separator = "; ";
      }
      text.append(". ");
    }
    if (r.reorderPoint() == null) {
      return text.append(r.unbufferableReason()).append(" Status UNBUFFERABLE.").toString();
    }
    if (r.usedAlternate()) {
      text.append("Planned on the alternate source (no licensing). ");
    }
    // StringBuilder rather than String.format: this runs for every position of a recompute.
    text.append("Reorder point ").append(cents(r.reorderPoint())).append(" kg = ")
        .append(cents(r.normalLeadTimeDemand())).append(" normal lead-time demand d*(L+R) + ")
        .append(cents(r.riskDemand())).append(" licensing delay, denial and regime risk + ")
        .append(cents(r.safetyStock())).append(" safety stock; ");
    if (r.serviceMeasure() == ServiceMeasure.FILL_RATE) {
      text.append("the least stock that meets ").append(percent(r.target().serviceLevel()))
          .append(" of demand from stock");
    } else {
      text.append("the ").append(percent(r.target().serviceLevel()))
          .append(" quantile of lead-time demand");
    }
    text.append(" over ").append(r.branches().size()).append(r.branches().size() == 1 ? " lead-time branch" : " lead-time branches")
        .append(" (lead time ").append(Math.round(r.leadTimeMean() * 10) / 10.0).append(" days on average). Status ")
        .append(r.status()).append("; order ").append(cents(r.recommendedOrder())).append(" kg now.");
    return text.toString();
  }

  /** "MOFCOM-GAC-2025-61 suspension s-1 extended, ..." for one future. */
  private static String choices(JsonArray suspensions) {
    if (suspensions == null || suspensions.isEmpty()) {
      return "no suspension in question";
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < suspensions.size(); i++) {
      JsonObject s = suspensions.getJsonObject(i);
      text.append(i == 0 ? "" : ", ").append(s.getString("measureId")).append("'s suspension ")
          .append(s.getBoolean("extended", false) ? "extended" : "ending as announced");
    }
    return text.toString();
  }

  /** A share as a percentage, to a hundredth of a point at most. */
  private static String percent(double share) {
    return java.math.BigDecimal.valueOf(Math.round(share * 10000), 2).stripTrailingZeros().toPlainString() + "%";
  }

  /** A probability to 1e-9: weights are products (0.4 * 0.8 is 0.32000000000000006). */
  private static double share(double value) {
    return Math.round(value * 1e9) / 1e9;
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
