package io.supplyguard.licence.api;

import io.supplyguard.licence.check.Decision;
import io.supplyguard.licence.check.Determination;
import io.supplyguard.licence.check.Futures;
import io.supplyguard.licence.check.SupplyFuture;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The futures of a determination as the API shows them: {@code futures: [{weight, decision,
 * condition, suspensions: [{measureId, suspensionId, reference, until, extended}], coveredBy?}]},
 * and a sentence about them added to the explanation when a suspension that may be extended
 * (renewal probability above 0) makes them uncertain.
 */
final class FuturesJson {

  private FuturesJson() {
  }

  /** The supply condition a decision stands for (docs/buffer-model.md, "Supply condition"). */
  static String condition(Decision decision) {
    return decision == Decision.NOT_REQUIRED ? "NOT_CONTROLLED" : decision.name();
  }

  /** Adds {@code futures} to a determination's JSON, and says how they split in its explanation. */
  static JsonObject with(JsonObject determination, Futures futures) {
    JsonArray list = new JsonArray();
    for (SupplyFuture f : futures.futures()) {
      list.add(future(f));
    }
    determination.put("futures", list);
    if (futures.uncertain().stream().anyMatch(u -> u.suspension().renewalProbability().signum() > 0)) {
      determination.put("explanation", determination.getString("explanation") + " " + explanation(futures));
    }
    return determination;
  }

  private static JsonObject future(SupplyFuture f) {
    Determination d = f.determination();
    JsonObject json = new JsonObject()
        .put("weight", f.weight())
        .put("decision", d.decision().name())
        .put("condition", condition(d.decision()))
        .put("suspensions", new JsonArray(f.choices().stream().map(FuturesJson::choice).toList()));
    if (d.coveredBy() != null) {
      json.put("coveredBy", DeterminationJson.coveredBy(d));
    }
    return json;
  }

  private static JsonObject choice(SupplyFuture.Choice c) {
    JsonObject json = new JsonObject().put("measureId", c.suspension().measureId());
    if (c.suspension().suspension().id() != null) {
      json.put("suspensionId", c.suspension().suspension().id());
    }
    return json.put("reference", c.suspension().suspension().reference())
        .put("until", c.suspension().lastDay().toString())
        .put("extended", c.extended());
  }

  static String explanation(Futures futures) {
    StringBuilder text = new StringBuilder("Futures: ");
    text.append(futures.uncertain().stream().filter(u -> !futures.notSplit().contains(u))
        .map(u -> "suspension " + u.suspension().reference() + " of " + u.measureId() + " is extended past "
            + u.lastDay() + " with probability " + u.suspension().renewalProbability().toPlainString())
        .collect(Collectors.joining("; ")));
    text.append(". ");
    text.append(futures.futures().stream().map(f -> f.weight().toPlainString() + " " + condition(f.determination()
        .decision()) + " (" + choices(f.choices()) + ")").collect(Collectors.joining(", ")));
    text.append('.');
    if (!futures.notSplit().isEmpty()) {
      text.append(" Only the first ").append(Futures.MAX_SPLITS).append(" suspensions by last day split the future; ")
          .append(futures.notSplit().size()).append(" more (")
          .append(futures.notSplit().stream().map(u -> u.suspension().reference() + " of " + u.measureId())
              .collect(Collectors.joining(", ")))
          .append(") are taken to end as announced.");
    }
    return text.toString();
  }

  private static String choices(List<SupplyFuture.Choice> choices) {
    List<String> extended = choices.stream().filter(SupplyFuture.Choice::extended)
        .map(c -> c.suspension().suspension().reference()).toList();
    return extended.isEmpty() ? "every suspension ends as announced" : String.join(", ", extended) + " extended";
  }
}
