package io.supplyguard.licence.api;

import io.supplyguard.common.bus.BodyReader;
import io.supplyguard.licence.regime.Measure;
import io.supplyguard.licence.regime.MeasureKind;
import io.supplyguard.licence.store.Regime;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** A measure from a request: a new one whole, or an amendment over the stored one. */
final class MeasureInput {
  private static final Pattern ID = Pattern.compile("[A-Z0-9][A-Z0-9-]{2,60}");

  private MeasureInput() {
  }

  static Measure create(JsonObject body, Regime regime) {
    BodyReader in = new BodyReader(body);
    Measure measure = readNew(in, regime);
    in.check();
    return measure;
  }

  /** A new measure whole, its problems left in {@code in} (then null): for a body nested in another. */
  static Measure readNew(BodyReader in, Regime regime) {
    String id = in.text("id", true, 61);
    if (id != null && !ID.matcher(id).matches()) {
      in.error("id", "must be upper-case letters, digits and dashes, 3 to 61 long (e.g. MOFCOM-GAC-2025-57)");
    }
    return read(in, regime, null, id);
  }

  static Measure amend(JsonObject body, Regime regime, Measure stored) {
    BodyReader in = new BodyReader(body);
    Measure measure = read(in, regime, stored, stored.id());
    in.check();
    return measure;
  }

  /** Each field from the body when present, else from {@code base} (null: the field is required). */
  private static Measure read(BodyReader in, Regime regime, Measure base, String id) {
    boolean required = base == null;
    String issuer = or(in.text("issuer", required, 200), base == null ? null : base.issuer());
    String title = or(in.text("title", required, 500), base == null ? null : base.title());
    MeasureKind kind = or(in.oneOf("kind", MeasureKind.class, required), base == null ? null : base.kind());
    LocalDate issuedOn = or(in.date("issuedOn", required), base == null ? null : base.issuedOn());
    LocalDate from = or(in.date("inForceFrom", required), base == null ? null : base.inForceFrom());
    LocalDate until = in.has("inForceUntil") ? in.date("inForceUntil", false) : base == null ? null : base.inForceUntil();
    Set<String> elements = or(in.strings("elements", required, true, regime::isElement,
        "a rare-earth element symbol such as Dy"), base == null ? null : base.elements());
    Set<String> forms = or(in.strings("forms", required, true, regime.forms()::contains,
        "one of " + regime.forms().stream().sorted().toList()), base == null ? null : base.forms());
    Set<String> destinations = or(in.strings("destinations", false, true, BodyReader::isCountry,
        "an ISO 3166 alpha-2 country code"), base == null ? Set.of() : base.destinations());
    Set<String> endUses = or(in.strings("prohibitedEndUses", false, true, c -> c.matches("[A-Z][A-Z0-9_]{0,39}"),
        "an UPPER_SNAKE end use such as MILITARY"), base == null ? Set.of() : base.prohibitedEndUses());
    Boolean all = or(in.bool("coversAllControlled", false), base != null && base.coversAllControlled());
    String source = or(in.text("source", required, 1000), base == null ? null : base.source());
    String items = or(in.text("items", false, 2000), base == null ? title : base.items());
    String confidence = or(in.text("confidence", false, 1), base == null ? "H" : base.confidence());
    if (confidence != null && !confidence.equals("H") && !confidence.equals("M")) {
      in.error("confidence", "must be H (primary text or two sources) or M (one secondary source)");
    }
    if (from != null && until != null && until.isBefore(from)) {
      in.error("inForceUntil", "must not be before inForceFrom");
    }
    if (in.hasErrors()) {
      return null;
    }
    return new Measure(id, issuer, title, kind, issuedOn, from, until, elements, forms, destinations, endUses,
        all, items == null ? title : items, source, confidence, base == null ? List.of() : base.suspensions());
  }

  private static <T> T or(T value, T fallback) {
    return value != null ? value : fallback;
  }
}
