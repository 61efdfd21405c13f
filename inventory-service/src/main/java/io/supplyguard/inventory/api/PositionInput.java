package io.supplyguard.inventory.api;

import io.supplyguard.inventory.buffer.AlternateSource;
import io.supplyguard.inventory.buffer.PositionInputs;
import io.supplyguard.inventory.buffer.ServiceMeasure;
import io.vertx.core.json.JsonObject;

/**
 * A stock position's fields, read from a request the bus contract has checked against the
 * contract's PositionRequest (docs/buffer-model.md, "Inputs"), with the defaults of those left out.
 */
final class PositionInput {

  /** The position's numbers, end use, destination and consignee (null when not given). */
  record Parsed(PositionInputs inputs, String endUse, String destination, String consignee) {
  }

  private PositionInput() {
  }

  static Parsed read(JsonObject body, double defaultServiceLevel, double defaultOrderDays) {
    double demand = body.getDouble("demandMeanPerDay");
    JsonObject alternate = body.getJsonObject("alternateSource");
    String consignee = body.getString("consignee");
    return new Parsed(new PositionInputs(body.getDouble("onHand"), body.getDouble("onOrder"), demand,
        body.getDouble("demandStdPerDay"), body.getDouble("leadTimeMeanDays"), body.getDouble("leadTimeStdDays"),
        ServiceMeasure.valueOf(body.getString("serviceMeasure", ServiceMeasure.CYCLE.name())),
        body.getDouble("serviceLevel", defaultServiceLevel), body.getDouble("reviewPeriodDays", 0.0),
        body.getDouble("orderQuantity", demand * defaultOrderDays),
        alternate == null ? null : new AlternateSource(alternate.getDouble("leadTimeMeanDays"),
            alternate.getDouble("leadTimeStdDays"))),
        body.getString("endUse"), body.getString("destination"), consignee == null ? null : consignee.trim());
  }

  static JsonObject json(String siteId, String materialId, Parsed p) {
    PositionInputs in = p.inputs();
    JsonObject json = new JsonObject()
        .put("siteId", siteId)
        .put("materialId", materialId)
        .put("onHand", in.onHand())
        .put("onOrder", in.onOrder())
        .put("demandMeanPerDay", in.demandMeanPerDay())
        .put("demandStdPerDay", in.demandStdPerDay())
        .put("leadTimeMeanDays", in.leadTimeMeanDays())
        .put("leadTimeStdDays", in.leadTimeStdDays())
        .put("serviceMeasure", in.serviceMeasure().name())
        .put("serviceLevel", in.serviceLevel())
        .put("reviewPeriodDays", in.reviewPeriodDays())
        .put("orderQuantity", in.orderQuantity())
        .put("endUse", p.endUse())
        .put("destination", p.destination());
    if (p.consignee() != null) {
      json.put("consignee", p.consignee());
    }
    if (in.alternate() != null) {
      json.put("alternateSource", new JsonObject().put("leadTimeMeanDays", in.alternate().leadTimeMeanDays())
          .put("leadTimeStdDays", in.alternate().leadTimeStdDays()));
    }
    return json;
  }
}
