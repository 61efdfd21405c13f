package io.supplyguard.gateway;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Text the contract refuses, and text it takes however odd, put into the text fields of many
 * operations. Bodies are written by hand so that a lone surrogate travels as the JSON escape a
 * client would send: encoded as UTF-8 it would not be text at all.
 */
final class TextAttacks {
  /** The fields that take several lines (MultilineText): tab and line breaks are text there. */
  private static final Set<String> MULTILINE = Set.of("reason", "note", "content");

  /** A request: where, as whom, the raw body (null for a read), and the field the contract must name. */
  record Attack(HttpMethod method, String path, boolean admin, String body, String field, String what) {
    @Override
    public String toString() {
      String shown = body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "..." : body;
      return method + " " + path + " [" + what + " in " + field + "] " + shown;
    }
  }

  /** A write and a valid body for it; {@code {licence}} in the path is replaced by a real licence. */
  private record Write(HttpMethod method, String path, boolean admin, JsonObject valid) {
  }

  private TextAttacks() {
  }

  private static List<Write> writes() {
    JsonObject licence = ValidBodies.licence().put("reference", "EXP-2026-1");
    return List.of(
        new Write(HttpMethod.POST, "/api/v1/tenants", true, new JsonObject().put("name", "Fuzzed Co")),
        new Write(HttpMethod.POST, "/api/v1/licences", false, licence),
        new Write(HttpMethod.POST, "/api/v1/licences/{licence}/drawdowns", false,
            new JsonObject().put("quantityKg", 5).put("shipmentRef", "SHP-1")),
        new Write(HttpMethod.POST, "/api/v1/licences/{licence}/status", false,
            new JsonObject().put("status", "SUSPENDED").put("reason", "audit\nQ3")),
        new Write(HttpMethod.POST, "/api/v1/sites", false,
            new JsonObject().put("id", "plant-2").put("name", "Plant 2").put("country", "DE")),
        new Write(HttpMethod.PUT, "/api/v1/sites/plant-1/positions/dy-oxide", false,
            ValidBodies.position().put("consignee", "Acme GmbH")),
        new Write(HttpMethod.POST, "/api/v1/regime/measures", true, ValidBodies.measure().put("items", "magnets")),
        new Write(HttpMethod.PATCH, "/api/v1/regime/measures/MOFCOM-GAC-2025-18", true,
            new JsonObject().put("title", "Amended")),
        new Write(HttpMethod.POST, "/api/v1/regime/measures/MOFCOM-GAC-2025-18/suspensions", true,
            ValidBodies.suspension("2027-01-01").put("source", "https://example.org/s")),
        new Write(HttpMethod.POST, "/api/v1/materials", true, new JsonObject().put("id", "er-oxide")
            .put("name", "Erbium oxide").put("form", "OXIDE").put("elements", new JsonArray().add("Er"))),
        new Write(HttpMethod.POST, "/api/v1/scenarios", false, new JsonObject().put("asOf", "2026-10-01")
            .put("changes", new JsonArray().add(new JsonObject().put("type", "SUSPENSION_EXTENDED")
                .put("reference", "MOFCOM-GAC-2025-70").put("until", "2027-11-10")))),
        new Write(HttpMethod.PUT, "/api/v1/regime/denial-probabilities/DE", true,
            new JsonObject().put("probability", 0.1).put("source", "desk research")),
        new Write(HttpMethod.POST, "/api/v1/regime/listed-parties/imports", true, new JsonObject().put("format", "CSV")
            .put("source", "fuzz").put("list", "WATCH_LIST").put("content", "name,country\nAcme,CN\n")),
        new Write(HttpMethod.POST, "/api/v1/webhooks", false, new JsonObject().put("url", "https://example.org/hook")
            .put("events", new JsonArray().add("alert"))));
  }

  /** Reads whose path or query carries text; a lone surrogate cannot be written in a URL, the controls can. */
  private static final List<String[]> READS = List.of(
      new String[] {"/api/v1/licences?element=", "element", "Dy"},
      new String[] {"/api/v1/licence-check?destination=DE&material=", "material", "dy-oxide"},
      new String[] {"/api/v1/regime/listed-parties?name=", "name", "Acme"},
      new String[] {"/api/v1/sites/@/positions/dy-oxide", "siteId", "plant-1"});

  /** One character the contract refuses in a field: any C0 control, or a surrogate without its pair. */
  static Arbitrary<String> unstorable(boolean multiline) {
    Arbitrary<String> control = Arbitraries.chars().range('\u0000', '\u001f')
        .filter(c -> !multiline || (c != '\t' && c != '\n' && c != '\r')).map(String::valueOf);
    Arbitrary<String> lone = Arbitraries.of("\ud800", "\udbff", "\udc00", "\udfff", "\ude00\ud83d", "\ud83d\ud83d");
    return Arbitraries.oneOf(control, lone);
  }

  /** Text the contract takes, however odd: BOM, non-characters, astral characters, marks, overrides. */
  static Arbitrary<String> oddButStorable() {
    Arbitrary<String> piece = Arbitraries.of("\ufeff", "\ufffe", "\uffff", "\ufdd0", "\ud83f\udffe", "\ud83d\ude97",
        "\udbff\udfff", "\ud835\udd07", "e\u0301\u0308\u0327", "\u202e", "\u2066", "\u200d", "\u200b", "\u0085",
        "\u007f", "\u00a0", "\u2028", "漢字", "ﷺ", "a");
    Arbitrary<String> text = piece.list().ofMinSize(1).ofMaxSize(6).map(pieces -> String.join("", pieces));
    return Arbitraries.frequencyOf(Tuple.of(4, text), Tuple.of(1, text.map(t -> t.repeat(1 + 3000 / t.length()))));
  }

  /** At most {@code max} characters (code points) of {@code text}, as the contract counts them. */
  static String codePoints(String text, int max) {
    int[] points = text.codePoints().limit(max).toArray();
    return new String(points, 0, points.length);
  }

  /** Unstorable text, among odd text, in one text field of one operation, or in a read's parameter. */
  static Arbitrary<Attack> refused(String licenceId) {
    Arbitrary<Attack> writes = Combinators.combine(Arbitraries.of(writes()), Arbitraries.integers().between(0, 99),
        unstorable(false), unstorable(true), oddButStorable(), Arbitraries.integers().between(0, 2))
        .as((w, pick, bad, badInMultiline, odd, where) -> {
          List<String> fields = textFields(w.valid(), "");
          String field = fields.get(pick % fields.size());
          String inserted = MULTILINE.contains(field) ? badInMultiline : bad;
          String text = where == 0 ? inserted + odd : where == 1 ? odd + inserted + odd : odd + inserted;
          String body = marked(w.valid(), field).encode().replace("\"@@TEXT@@\"", jsonString(text));
          return new Attack(w.method(), w.path().replace("{licence}", licenceId), w.admin(), body, field,
              "U+" + Integer.toHexString(inserted.charAt(0)));
        });
    Arbitrary<Attack> reads = Combinators.combine(Arbitraries.of(READS), Arbitraries.chars().range('\u0000', '\u001f'))
        .as((r, c) -> {
          String value = URLEncoder.encode(r[2] + c, StandardCharsets.UTF_8);
          String path = r[0].contains("@") ? r[0].replace("@", value) : r[0] + value;
          return new Attack(HttpMethod.GET, path, false, null, r[1], "U+" + Integer.toHexString(c));
        });
    return Arbitraries.frequencyOf(Tuple.of(9, writes), Tuple.of(1, reads));
  }

  /** The text fields of {@code node}, named as the gateway names them in errors[]. */
  static List<String> textFields(Object node, String name) {
    List<String> fields = new ArrayList<>();
    if (node instanceof String) {
      fields.add(name);
    } else if (node instanceof JsonObject object) {
      object.fieldNames().stream().sorted()
          .forEach(key -> fields.addAll(textFields(object.getValue(key), name.isEmpty() ? key : name + "." + key)));
    } else if (node instanceof JsonArray array) {
      for (int i = 0; i < array.size(); i++) {
        fields.addAll(textFields(array.getValue(i), name + "[" + i + "]"));
      }
    }
    return fields;
  }

  /** A copy of {@code body} whose {@code field} holds a marker, to be replaced by the raw JSON of the text. */
  private static JsonObject marked(JsonObject body, String field) {
    JsonObject copy = body.copy();
    Object parent = copy;
    String[] steps = field.replace("[", ".[").split("\\.");
    for (int i = 0; i < steps.length; i++) {
      boolean last = i == steps.length - 1;
      String step = steps[i];
      if (step.startsWith("[")) {
        int index = Integer.parseInt(step.substring(1, step.length() - 1));
        JsonArray array = (JsonArray) parent;
        if (last) {
          array.set(index, "@@TEXT@@");
        } else {
          parent = array.getValue(index);
        }
      } else if (last) {
        ((JsonObject) parent).put(step, "@@TEXT@@");
      } else {
        parent = ((JsonObject) parent).getValue(step);
      }
    }
    return copy;
  }

  /** A JSON string literal with every character outside printable ASCII escaped, as a careful client writes it. */
  static String jsonString(String text) {
    StringBuilder json = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        json.append('\\').append(c);
      } else if (c < 0x20 || c > 0x7e) {
        json.append(String.format("\\u%04x", (int) c));
      } else {
        json.append(c);
      }
    }
    return json.append('"').toString();
  }
}
