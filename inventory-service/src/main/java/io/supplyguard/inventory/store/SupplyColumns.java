package io.supplyguard.inventory.store;

import io.supplyguard.inventory.buffer.LeadTimeBranch;
import io.supplyguard.inventory.buffer.LicensingDelay;
import io.supplyguard.inventory.buffer.RegimeFuture;
import io.supplyguard.inventory.buffer.SupplyCondition;
import io.vertx.core.json.JsonArray;
import java.util.ArrayList;
import java.util.List;

/**
 * A recommendation's futures and branches in two text columns, as compact JSON arrays: a future
 * as {@code [weight, condition, delayMean, delayStd, denialProbability, denialDelay]}, a branch as
 * {@code [weight, meanDays, varianceDays2]} ({@code [weight]} alone when it has no supply).
 */
final class SupplyColumns {
  private SupplyColumns() {
  }

  static String futures(List<RegimeFuture> futures) {
    JsonArray json = new JsonArray();
    for (RegimeFuture f : futures) {
      LicensingDelay g = f.delay();
      json.add(new JsonArray().add(f.weight()).add(f.condition().name()).add(g.meanDays()).add(g.stdDays())
          .add(g.denialProbability()).add(g.denialDelayDays()));
    }
    return json.encode();
  }

  static String branches(List<LeadTimeBranch> branches) {
    JsonArray json = new JsonArray();
    for (LeadTimeBranch b : branches) {
      json.add(b.supplied() ? new JsonArray().add(b.weight()).add(b.meanDays()).add(b.varianceDays2())
          : new JsonArray().add(b.weight()));
    }
    return json.encode();
  }

  static List<RegimeFuture> futures(String text) {
    List<RegimeFuture> futures = new ArrayList<>();
    for (Object o : new JsonArray(text)) {
      JsonArray f = (JsonArray) o;
      futures.add(new RegimeFuture(f.getDouble(0), SupplyCondition.valueOf(f.getString(1)),
          new LicensingDelay(f.getDouble(2), f.getDouble(3), f.getDouble(4), f.getDouble(5))));
    }
    return futures;
  }

  static List<LeadTimeBranch> branches(String text) {
    List<LeadTimeBranch> branches = new ArrayList<>();
    for (Object o : new JsonArray(text)) {
      JsonArray b = (JsonArray) o;
      branches.add(b.size() == 1 ? LeadTimeBranch.unsupplied(b.getDouble(0))
          : LeadTimeBranch.supplied(b.getDouble(0), b.getDouble(1), b.getDouble(2)));
    }
    return branches;
  }
}
