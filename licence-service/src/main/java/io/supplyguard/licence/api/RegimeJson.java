package io.supplyguard.licence.api;

import io.supplyguard.licence.regime.ElementStatus;
import io.supplyguard.licence.regime.Measure;
import io.supplyguard.licence.regime.Suspension;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.Collection;

/** The regime as the API shows it (field names are those of the OpenAPI document). */
public final class RegimeJson {

  private RegimeJson() {
  }

  static JsonObject elementStatus(ElementStatus status) {
    JsonObject json = new JsonObject()
        .put("symbol", status.element().symbol())
        .put("name", status.element().name())
        .put("state", status.state().name())
        .put("measures", new JsonArray(status.measures()))
        .put("extraterritorialMeasures", new JsonArray(status.extraterritorial()))
        .put("prohibitions", new JsonArray(status.prohibitions().stream().map(RegimeJson::prohibition).toList()));
    if (status.suspendedUntil() != null) {
      json.put("suspendedUntil", status.suspendedUntil().toString());
    }
    if (status.element().controlCode() != null) {
      json.put("controlCode", status.element().controlCode());
    }
    return json;
  }

  public static JsonObject measure(Measure m) {
    JsonObject json = new JsonObject()
        .put("id", m.id())
        .put("issuer", m.issuer())
        .put("title", m.title())
        .put("kind", m.kind().name())
        .put("issuedOn", m.issuedOn().toString())
        .put("inForceFrom", m.inForceFrom().toString())
        .put("elements", sorted(m.elements()))
        .put("forms", sorted(m.forms()))
        .put("destinations", sorted(m.destinations()))
        .put("prohibitedEndUses", sorted(m.prohibitedEndUses()))
        .put("coversAllControlled", m.coversAllControlled())
        .put("items", m.items())
        .put("source", m.source())
        .put("confidence", m.confidence())
        .put("suspensions", new JsonArray(m.suspensions().stream().map(RegimeJson::suspension).toList()));
    putDate(json, "inForceUntil", m.inForceUntil());
    return json;
  }

  private static JsonObject prohibition(Measure m) {
    return new JsonObject()
        .put("measure", m.id())
        .put("destinations", sorted(m.destinations()))
        .put("endUses", sorted(m.prohibitedEndUses()));
  }

  static JsonObject suspension(String measureId, Suspension s) {
    return suspension(s).put("measureId", measureId);
  }

  public static JsonObject suspension(Suspension s) {
    JsonObject json = new JsonObject()
        .put("reference", s.reference())
        .put("issuedOn", s.issuedOn().toString())
        .put("from", s.from().toString())
        .put("until", s.until().toString())
        .put("source", s.source())
        .put("renewalProbability", s.renewalProbability());
    if (s.renewalNote() != null) {
      json.put("renewalNote", s.renewalNote());
    }
    if (s.id() != null) {
      json.put("id", s.id());
    }
    putDate(json, "liftedOn", s.liftedOn());
    return json;
  }

  private static JsonArray sorted(Collection<String> values) {
    return new JsonArray(values.stream().sorted().toList());
  }

  private static void putDate(JsonObject json, String field, LocalDate date) {
    if (date != null) {
      json.put(field, date.toString());
    }
  }
}
