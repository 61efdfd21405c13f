package io.supplyguard.inventory.api;

import io.supplyguard.common.bus.BodyReader;
import io.supplyguard.inventory.buffer.AlternateSource;
import io.supplyguard.inventory.buffer.PositionInputs;
import io.supplyguard.inventory.buffer.ServiceMeasure;
import io.vertx.core.json.JsonObject;

/** A stock position's fields from a request, each checked against docs/buffer-model.md's rules ("Inputs"). */
final class PositionInput {
  private static final double MAX_KG = 1e12;
  private static final double MAX_DAYS = 3650;
  /** The longest consignee name (the contract's bound too). */
  static final int MAX_CONSIGNEE = 200;

  /** The position's numbers, end use, destination and consignee (null when not given). */
  record Parsed(PositionInputs inputs, String endUse, String destination, String consignee) {
  }

  private PositionInput() {
  }

  static Parsed parse(JsonObject body, double defaultServiceLevel, double defaultOrderDays) {
    BodyReader in = new BodyReader(body);
    Double onHand = in.number("onHand", true, 0, true, MAX_KG, false);
    Double onOrder = in.number("onOrder", true, 0, true, MAX_KG, false);
    Double demand = in.number("demandMeanPerDay", true, 0, true, MAX_KG, false);
    Double demandStd = in.number("demandStdPerDay", true, 0, true, MAX_KG, false);
    Double leadTime = in.number("leadTimeMeanDays", true, 0, false, MAX_DAYS, false);
    Double leadTimeStd = in.number("leadTimeStdDays", true, 0, true, MAX_DAYS, false);
    ServiceMeasure measure = in.oneOf("serviceMeasure", ServiceMeasure.class, false);
    Double serviceLevel = in.number("serviceLevel", false, 0.5, true, 1, true);
    Double review = in.number("reviewPeriodDays", false, 0, true, MAX_DAYS, false);
    Double orderQuantity = in.number("orderQuantity", false, 0, false, MAX_KG, false);
    String endUse = in.code("endUse", true);
    String destination = in.country("destination", true);
    String consignee = in.text("consignee", false, MAX_CONSIGNEE);
    AlternateSource alternate = null;
    JsonObject alt = in.object("alternateSource", false);
    if (alt != null) {
      BodyReader altIn = new BodyReader(alt);
      Double altMean = altIn.number("leadTimeMeanDays", true, 0, false, MAX_DAYS, false);
      Double altStd = altIn.number("leadTimeStdDays", true, 0, true, MAX_DAYS, false);
      in.include("alternateSource.", altIn);
      alternate = altIn.hasErrors() ? null : new AlternateSource(altMean, altStd);
    }
    in.check();
    double q = orderQuantity != null ? orderQuantity : demand * defaultOrderDays;
    return new Parsed(new PositionInputs(onHand, onOrder, demand, demandStd, leadTime, leadTimeStd,
        measure != null ? measure : ServiceMeasure.CYCLE,
        serviceLevel != null ? serviceLevel : defaultServiceLevel, review != null ? review : 0, q, alternate),
        endUse, destination, consignee);
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
