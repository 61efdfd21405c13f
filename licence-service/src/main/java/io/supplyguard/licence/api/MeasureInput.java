package io.supplyguard.licence.api;

import io.supplyguard.common.bus.FieldError;
import io.supplyguard.common.bus.ServiceException;
import io.supplyguard.licence.regime.Measure;
import io.supplyguard.licence.regime.MeasureKind;
import io.supplyguard.licence.store.Regime;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A measure from a request the bus contract has checked (MeasureRequest, MeasureAmendment): a new
 * one whole, or an amendment over the stored one. What remains to check is the regime's: elements
 * and forms it knows, and a measure that ends no earlier than it starts.
 */
final class MeasureInput {

  private MeasureInput() {
  }

  static Measure create(JsonObject body, Regime regime) {
    List<FieldError> errors = new ArrayList<>();
    Measure measure = readNew(body, regime, "", errors);
    check(errors);
    return measure;
  }

  /** A new measure whole; null with its problems added to {@code errors} under {@code prefix}. */
  static Measure readNew(JsonObject body, Regime regime, String prefix, List<FieldError> errors) {
    return read(body, regime, null, body.getString("id"), prefix, errors);
  }

  static Measure amend(JsonObject body, Regime regime, Measure stored) {
    List<FieldError> errors = new ArrayList<>();
    Measure measure = read(body, regime, stored, stored.id(), "", errors);
    check(errors);
    return measure;
  }

  /** Each field from the body when present, else from {@code base} (null: a new measure, the contract required it). */
  private static Measure read(JsonObject in, Regime regime, Measure base, String id, String prefix,
      List<FieldError> errors) {
    int before = errors.size();
    String issuer = or(Texts.trimmed(in, "issuer"), base == null ? null : base.issuer());
    String title = or(Texts.trimmed(in, "title"), base == null ? null : base.title());
    String kindName = in.getString("kind");
    MeasureKind kind = kindName != null ? MeasureKind.valueOf(kindName) : base.kind();
    LocalDate issuedOn = or(date(in, "issuedOn"), base == null ? null : base.issuedOn());
    LocalDate from = or(date(in, "inForceFrom"), base == null ? null : base.inForceFrom());
    LocalDate until = in.getValue("inForceUntil") != null ? date(in, "inForceUntil")
        : base == null ? null : base.inForceUntil();
    Set<String> elements = or(RegimeTerms.elements(regime, in.getJsonArray("elements"), prefix, "elements", errors),
        base == null ? null : base.elements());
    Set<String> forms = or(RegimeTerms.forms(regime, in.getJsonArray("forms"), prefix, "forms", errors),
        base == null ? null : base.forms());
    Set<String> destinations = or(RegimeTerms.strings(in.getJsonArray("destinations")),
        base == null ? Set.of() : base.destinations());
    Set<String> endUses = or(RegimeTerms.strings(in.getJsonArray("prohibitedEndUses")),
        base == null ? Set.of() : base.prohibitedEndUses());
    Boolean all = or(in.getBoolean("coversAllControlled"), base != null && base.coversAllControlled());
    String source = or(Texts.trimmed(in, "source"), base == null ? null : base.source());
    String items = or(Texts.trimmed(in, "items"), base == null ? title : base.items());
    String confidence = or(in.getString("confidence"), base == null ? "H" : base.confidence());
    if (until != null && until.isBefore(from)) {
      errors.add(new FieldError(prefix + "inForceUntil", "must not be before inForceFrom"));
    }
    if (errors.size() > before) {
      return null;
    }
    return new Measure(id, issuer, title, kind, issuedOn, from, until, elements, forms, destinations, endUses,
        all, items == null ? title : items, source, confidence, base == null ? List.of() : base.suspensions());
  }

  private static LocalDate date(JsonObject in, String field) {
    String text = in.getString(field);
    return text == null ? null : LocalDate.parse(text);
  }

  private static void check(List<FieldError> errors) {
    if (!errors.isEmpty()) {
      throw ServiceException.invalidFields(errors);
    }
  }

  private static <T> T or(T value, T fallback) {
    return value != null ? value : fallback;
  }
}
