package io.supplyguard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.common.testing.Await;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Row;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.slf4j.LoggerFactory;

/**
 * Fuzzing every write of the API, and the date and filter parameters of its reads, with
 * generated adversarial input: a required field missing, a field of the wrong type, NaN,
 * infinite, negative and huge numbers, odd unicode, SQL and JSON injection strings where an
 * identifier, code, enum or date belongs, unknown fields, malformed JSON, oversized bodies and
 * other media types. The platform must never answer 5xx, must answer problem+json, and must
 * change nothing in any of its databases. Text gets {@link TextAttacks}' 10,000 requests: what
 * the contract refuses, named and changing nothing; what it takes, however odd, stored as sent.
 */
class AdversarialInputProperties {
  private static Vertx vertx;
  private static TestPlatform platform;
  private static String tenantKey;
  private static String licenceId;
  private static final AtomicInteger TEXT_REQUESTS = new AtomicInteger();
  private static final AtomicInteger ODD_SITES = new AtomicInteger();

  /** One write of the API, a valid body for it, and the fields whose every adversarial value is invalid. */
  private record Write(HttpMethod method, String path, boolean admin, JsonObject valid, List<String> required,
      List<String> constrained) {
  }

  /** A request to send, and what was done to it (jqwik shows this when a try fails). */
  record Attack(HttpMethod method, String path, boolean admin, String contentType, String body, String what) {
    @Override
    public String toString() {
      return method + " " + path + " [" + what + "] " + (body.length() > 200 ? body.substring(0, 200) + "..." : body);
    }
  }

  @BeforeContainer
  static void start() throws Exception {
    vertx = Vertx.vertx();
    // Thousands of requests a minute from one tenant: the rate limit is not under test here.
    platform = Await.result(TestPlatform.start(vertx, new JsonObject().put("GATEWAY_RATE_PER_SECOND", "1000000")
        .put("GATEWAY_RATE_BURST", "1000000")));
    tenantKey = Await.result(platform.tenantKey("Fuzz Metals"));
    // One of each resource, so that paths with ids reach the real handlers.
    licenceId = Await.result(platform.call(HttpMethod.POST, "/api/v1/licences", tenantKey)
        .sendJsonObject(licence())).bodyAsJsonObject().getString("id");
    Await.result(platform.call(HttpMethod.POST, "/api/v1/sites", tenantKey)
        .sendJsonObject(new JsonObject().put("id", "plant-1").put("name", "Plant").put("country", "DE")));
  }

  @AfterContainer
  static void stop() throws Exception {
    Await.result(vertx.close());
    LoggerFactory.getLogger(AdversarialInputProperties.class).info("Text fuzzing: {} requests", TEXT_REQUESTS.get());
    assertThat(TEXT_REQUESTS.get()).as("requests with text in them").isGreaterThanOrEqualTo(10_000);
  }

  private static JsonObject licence() {
    return new JsonObject().put("type", "GENERAL").put("exporter", "Baotou").put("elements", new JsonArray().add("Dy"))
        .put("forms", new JsonArray().add("OXIDE")).put("quantityKg", 500).put("validFrom", "2026-01-01")
        .put("validTo", "2027-06-30").put("destination", "DE").put("endUse", "CIVIL");
  }

  private static List<Write> writes() {
    JsonObject position = new JsonObject().put("onHand", 900).put("onOrder", 0).put("demandMeanPerDay", 10)
        .put("demandStdPerDay", 4).put("leadTimeMeanDays", 30).put("leadTimeStdDays", 5).put("serviceLevel", 0.95)
        .put("reviewPeriodDays", 0).put("orderQuantity", 300).put("endUse", "CIVIL").put("destination", "DE");
    return List.of(
        new Write(HttpMethod.POST, "/api/v1/tenants", true, new JsonObject().put("name", "Fuzzed Co"),
            List.of("name"), List.of()),
        new Write(HttpMethod.POST, "/api/v1/licences", false, licence(),
            List.of("type", "exporter", "elements", "forms", "quantityKg", "destination", "endUse"),
            List.of("type", "elements", "forms", "quantityKg", "validFrom", "validTo", "destination")),
        new Write(HttpMethod.POST, "/api/v1/licences/{licence}/drawdowns", false,
            new JsonObject().put("quantityKg", 5).put("shipmentRef", "SHP-1"), List.of("quantityKg", "shipmentRef"),
            List.of("quantityKg")),
        new Write(HttpMethod.POST, "/api/v1/licences/{licence}/status", false,
            new JsonObject().put("status", "SUSPENDED").put("reason", "audit"), List.of("status"), List.of("status")),
        new Write(HttpMethod.POST, "/api/v1/sites", false,
            new JsonObject().put("id", "plant-2").put("name", "Plant 2").put("country", "DE"), List.of("id", "name"),
            List.of("country")),
        new Write(HttpMethod.PUT, "/api/v1/sites/plant-1/positions/dy-oxide", false, position,
            List.of("onHand", "onOrder", "demandMeanPerDay", "demandStdPerDay", "leadTimeMeanDays", "leadTimeStdDays",
                "endUse", "destination"),
            List.of("onHand", "onOrder", "demandMeanPerDay", "demandStdPerDay", "leadTimeMeanDays", "leadTimeStdDays",
                "serviceLevel", "destination")),
        new Write(HttpMethod.POST, "/api/v1/regime/measures", true, new JsonObject().put("id", "FUZZ-2026-1")
            .put("issuer", "MOFCOM").put("title", "Fuzzed").put("kind", "LICENCE_REQUIRED")
            .put("issuedOn", "2026-11-01")
            .put("inForceFrom", "2026-12-01").put("elements", new JsonArray().add("Er"))
            .put("forms", new JsonArray().add("OXIDE")).put("source", "https://example.org/a"),
            List.of("id", "issuer", "title", "kind", "issuedOn", "inForceFrom", "elements", "forms", "source"),
            List.of("kind", "issuedOn", "inForceFrom", "elements", "forms")),
        new Write(HttpMethod.POST, "/api/v1/regime/measures/MOFCOM-GAC-2025-18/suspensions", true,
            new JsonObject().put("from", "2027-01-01").put("until", "2027-06-30").put("reference", "FUZZ"),
            List.of("from", "until", "reference"), List.of("from", "until")),
        new Write(HttpMethod.POST, "/api/v1/materials", true, new JsonObject().put("id", "er-oxide")
            .put("name", "Erbium oxide").put("form", "OXIDE").put("elements", new JsonArray().add("Er")),
            List.of("id", "name", "form", "elements"), List.of("form", "elements")),
        new Write(HttpMethod.POST, "/api/v1/scenarios", false, new JsonObject().put("asOf", "2026-10-01")
            .put("changes", new JsonArray().add(new JsonObject().put("type", "SUSPENSION_EXTENDED")
                .put("reference", "MOFCOM-GAC-2025-70").put("until", "2027-11-10"))),
            List.of("changes"), List.of("asOf", "changes")),
        new Write(HttpMethod.POST, "/api/v1/sites/plant-1/positions/dy-oxide/simulate", false,
            new JsonObject().put("seed", 7).put("replications", 10).put("horizonDays", 90), List.of(),
            List.of("seed", "replications", "horizonDays")));
  }

  /** Raw JSON values that no identifier, code, enum, date, quantity or list of the contract accepts. */
  private static Arbitrary<String> adversarialValue() {
    return Arbitraries.of(
        "null", "true", "[]", "{}", "\"\"", "\"NaN\"", "\"Infinity\"", "-1", "-1e308", "1e309", "-0.000001",
        "\"'; DROP TABLE licence; --\"", "\"1 OR 1=1\"", "\"{\\\"$ne\\\": null}\"", "\"\\u0000\"",
        "\"\\ud83d\\ude00\\u202e\"", "\"𝔇𝔶\"", "\"2025-02-30\"", "\"9999-99-99\"", "\"2026-13-01\"",
        "\"<script>alert(1)</script>\"", "[\"Dy\", 3]", "{\"$gt\": \"\"}", "\"" + "x".repeat(5000) + "\"",
        "[" + "\"Dy\",".repeat(400) + "\"Dy\"]");
  }

  @Provide
  Arbitrary<Attack> writesAttacked() {
    Arbitrary<Write> write = Arbitraries.of(writes());
    return Combinators.combine(write, Arbitraries.integers().between(0, 5), adversarialValue(),
        Arbitraries.integers().between(0, 1000)).as((w, kind, value, pick) -> attack(w, kind, value, pick))
        .filter(a -> a != null);
  }

  private static Attack attack(Write w, int kind, String value, int pick) {
    String path = w.path().replace("{licence}", licenceId);
    JsonObject body = w.valid().copy();
    switch (kind) {
      case 0: {
        if (w.required().isEmpty()) {
          return null;
        }
        String field = w.required().get(pick % w.required().size());
        body.remove(field);
        return new Attack(w.method(), path, w.admin(), "application/json", body.encode(), "without " + field);
      }
      case 1: {
        if (w.constrained().isEmpty()) {
          return null;
        }
        String field = w.constrained().get(pick % w.constrained().size());
        body.put(field, "@@VALUE@@");
        return new Attack(w.method(), path, w.admin(), "application/json",
            body.encode().replace("\"@@VALUE@@\"", value), field + " = " + abbreviate(value));
      }
      case 2:
        body.put(pick % 2 == 0 ? "__proto__" : "isAdmin", new JsonObject().put("polluted", true));
        return new Attack(w.method(), path, w.admin(), "application/json", body.encode(), "an unknown field");
      case 3: {
        String text = body.encode();
        String[] broken = {text.substring(0, text.length() / 2), text + "}", "NaN", "{\"a\": NaN}", "[" + text + ",]",
            text.replaceFirst(":", "=")};
        return new Attack(w.method(), path, w.admin(), "application/json", broken[pick % broken.length],
            "malformed JSON");
      }
      case 4:
        body.put("padding", "y".repeat(70 * 1024));
        return new Attack(w.method(), path, w.admin(), "application/json", body.encode(), "over 64 KiB");
      default:
        return new Attack(w.method(), path, w.admin(), pick % 2 == 0 ? "text/plain" : "application/xml",
            body.encode(), "another media type");
    }
  }

  private static String abbreviate(String value) {
    return value.length() > 40 ? value.substring(0, 40) + "..." : value;
  }

  @Property(tries = 250)
  void writesRefuseAdversarialInput(@ForAll("writesAttacked") Attack attack) throws Exception {
    String before = fingerprint();
    HttpResponse<Buffer> response = send(attack);
    assertThat(response.statusCode()).as(attack + " answered " + response.bodyAsString())
        .isBetween(400, 499);
    assertProblem(attack, response);
    assertThat(fingerprint()).as("the databases after " + attack).isEqualTo(before);
  }

  @Provide
  Arbitrary<List<TextAttacks.Attack>> unstorableText() {
    return TextAttacks.refused(licenceId).list().ofSize(50);
  }

  /** 50 requests at once, each with text the contract refuses: a 400 naming its field, and the databases unchanged. */
  @Property(tries = 200, shrinking = ShrinkingMode.BOUNDED)
  void unstorableTextIsRefused(@ForAll("unstorableText") List<TextAttacks.Attack> attacks) throws Exception {
    String before = fingerprint();
    List<HttpResponse<Buffer>> responses = Await.result(Future.all(attacks.stream().map(a -> {
      HttpRequest<Buffer> request = platform.call(a.method(), a.path(), a.admin() ? TestPlatform.ADMIN_KEY : tenantKey);
      return a.body() == null ? request.send()
          : request.putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(a.body()));
    }).toList())).list();
    TEXT_REQUESTS.addAndGet(attacks.size());
    for (int i = 0; i < attacks.size(); i++) {
      TextAttacks.Attack attack = attacks.get(i);
      HttpResponse<Buffer> response = responses.get(i);
      assertThat(response.statusCode()).as(attack + " answered " + response.bodyAsString()).isEqualTo(400);
      assertProblem(attack, response);
      assertThat(TestPlatform.errorFields(response)).as(attack.toString()).contains(attack.field());
    }
    assertThat(fingerprint()).as("the databases after " + attacks).isEqualTo(before);
  }

  /** Odd text the contract takes is stored as sent: read back, not turned into "?". */
  @Property(tries = 60)
  void oddTextIsStoredAsSent(@ForAll("oddText") String odd) throws Exception {
    // 100 characters: the inventory-service counts a name's 200 in UTF-16 units, the contract in
    // characters; and a letter, since it refuses a name of whitespace only (U+2028 is one).
    String name = "S" + TextAttacks.codePoints(odd, 99);
    String id = "odd-" + ODD_SITES.incrementAndGet();
    HttpResponse<Buffer> created = Await.result(platform.call(HttpMethod.POST, "/api/v1/sites", tenantKey)
        .putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(
            "{\"id\": \"" + id + "\", \"name\": " + TextAttacks.jsonString(name) + ", \"country\": \"DE\"}")));
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    JsonArray sites = Await.result(platform.call(HttpMethod.GET, "/api/v1/sites", tenantKey).send()).bodyAsJsonObject()
        .getJsonArray("sites");
    String stored = sites.stream().map(JsonObject.class::cast).filter(site -> site.getString("id").equals(id))
        .findFirst().orElseThrow().getString("name");
    TEXT_REQUESTS.addAndGet(2);
    assertThat(stored).as("the name stored for " + id).isEqualTo(name);
  }

  @Provide
  Arbitrary<String> oddText() {
    return TextAttacks.oddButStorable();
  }

  @Provide
  Arbitrary<Attack> readsAttacked() {
    Arbitrary<String> path = Arbitraries.of("/api/v1/regime/elements?asOf=", "/api/v1/licences?status=",
        "/api/v1/licences?expiringWithinDays=", "/api/v1/alerts?limit=", "/api/v1/recommendations?status=",
        "/api/v1/licence-check?destination=DE&material=", "/api/v1/regime/history?limit=",
        "/api/v1/sites/plant-1/positions/dy-oxide/recommendation?asOf=", "/api/v1/licences/");
    // Raw values, URL-encoded as any HTTP client would send them.
    Arbitrary<String> value = Arbitraries.oneOf(
        Arbitraries.of("2025-02-30", "-1", "99999999999999999999", "NaN", "' OR 1=1 --", "\u0000", "\ud83d\ude00",
            "\u202e", "../../etc/passwd", "{\"$ne\": 1}", "1e309", "x".repeat(3000)),
        Arbitraries.strings().ofMinLength(1).ofMaxLength(40))
        .map(v -> java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8));
    return Combinators.combine(path, value).as((p, v) -> new Attack(HttpMethod.GET, p + v,
        p.contains("history"), null, "", "query " + abbreviate(v)));
  }

  @Property(tries = 150)
  void readsNeverFail(@ForAll("readsAttacked") Attack attack) throws Exception {
    HttpResponse<Buffer> response = send(attack);
    assertThat(response.statusCode()).as(attack + " answered " + response.bodyAsString()).isLessThan(500);
    if (response.statusCode() >= 400) {
      assertProblem(attack, response);
    }
  }

  private static HttpResponse<Buffer> send(Attack attack) throws Exception {
    HttpRequest<Buffer> request = platform.call(attack.method(), attack.path(),
        attack.admin() ? TestPlatform.ADMIN_KEY : tenantKey);
    if (attack.contentType() == null) {
      return Await.result(request.send());
    }
    return Await.result(request.putHeader("Content-Type", attack.contentType())
        .sendBuffer(Buffer.buffer(attack.body())));
  }

  private static void assertProblem(Object attack, HttpResponse<Buffer> response) {
    assertThat(response.getHeader("Content-Type")).as(attack.toString()).isEqualTo("application/problem+json");
    JsonObject problem = response.bodyAsJsonObject();
    assertThat(problem.getInteger("status")).isEqualTo(response.statusCode());
    assertThat(response.bodyAsString()).as(attack.toString())
        .doesNotContain("Exception", "\tat ", "io.vertx", "io.supplyguard", "SQL", "syntax error");
  }

  /** Every row of every table of the three services' schemas, hashed per table. */
  private static String fingerprint() throws Exception {
    List<String> tables = Await.result(platform.gatewayDb().query("""
        SELECT table_schema || '.' || table_name AS t FROM information_schema.tables
        WHERE table_schema IN ('gateway', 'licence', 'inventory') AND table_type = 'BASE TABLE'
          AND table_name NOT LIKE 'flyway%' ORDER BY 1""").execute())
        .stream().map(row -> row.getString("t")).toList();
    String union = tables.stream().map(t -> "SELECT '" + t + "' AS t, count(*) AS n, "
            + "md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM " + t + " x")
        .collect(Collectors.joining(" UNION ALL "));
    return Await.result(platform.gatewayDb().query(union + " ORDER BY t").execute()).stream()
        .map((Row row) -> row.getString("t") + "=" + row.getLong("n") + ":" + row.getString("h"))
        .collect(Collectors.joining("\n"));
  }
}
