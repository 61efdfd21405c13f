package io.supplyguard.gateway.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.common.testing.Await;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.JsonSchema;
import io.vertx.openapi.contract.OpenAPIContract;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract states which text a request may carry (the Text and MultilineText schemas), for
 * every string of every request, and the real validator holds requests to it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContractTextTest {
  private static final String TEXT = "#/components/schemas/Text";
  private static final String MULTILINE = "#/components/schemas/MultilineText";
  /** Replaced by a generated id when unsafe, never refused, never stored (RequestIds). */
  private static final String REQUEST_ID = "#/components/parameters/RequestId";

  private Vertx vertx;
  private JsonObject document;
  private OpenAPIContract contract;

  @BeforeAll
  void load() throws Exception {
    vertx = Vertx.vertx();
    Contract loaded = Await.result(Contract.load(vertx));
    document = Contract.parse(loaded.text());
    contract = loaded.routable();
  }

  @AfterAll
  void close() throws Exception {
    Await.result(vertx.close());
  }

  @Test
  @DisplayName("every string of every request body and parameter is a fixed value or includes Text or MultilineText;"
      + " every object of a request refuses other properties")
  void everyRequestStringStatesTheRule() {
    List<String> lacking = new ArrayList<>();
    Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    int strings = 0;
    for (String path : document.getJsonObject("paths").fieldNames()) {
      JsonObject item = document.getJsonObject("paths").getJsonObject(path);
      for (String method : item.fieldNames()) {
        if (!(item.getValue(method) instanceof JsonObject operation) || method.equals("parameters")) {
          continue;
        }
        JsonArray parameters = item.getJsonArray("parameters", new JsonArray()).copy()
            .addAll(operation.getJsonArray("parameters", new JsonArray()));
        for (Object given : parameters) {
          JsonObject parameter = (JsonObject) given;
          if (REQUEST_ID.equals(parameter.getString("$ref"))) {
            continue;
          }
          parameter = resolve(parameter);
          strings += walk(parameter.getJsonObject("schema"), method + " " + path + " " + parameter.getString("name"),
              lacking, seen);
        }
        JsonObject body = operation.getJsonObject("requestBody");
        if (body != null) {
          for (String type : body.getJsonObject("content").fieldNames()) {
            strings += walk(body.getJsonObject("content").getJsonObject(type).getJsonObject("schema"),
                method + " " + path + " body", lacking, seen);
          }
        }
      }
    }
    assertThat(strings).as("string schemas found in requests").isGreaterThan(50);
    assertThat(lacking).isEmpty();
  }

  /** How many string schemas {@code node} holds, each counted once; those lacking the rule go to {@code lacking}. */
  private int walk(Object node, String where, List<String> lacking, Set<Object> seen) {
    if (!(node instanceof JsonObject schema) || !seen.add(schema.getMap())) {
      return 0;
    }
    int strings = 0;
    String ref = schema.getString("$ref");
    if (TEXT.equals(ref) || MULTILINE.equals(ref)) {
      return 0; // The rule itself.
    }
    if (ref != null) {
      strings += walk(resolve(schema), where + " -> " + ref, lacking, seen);
    }
    Object type = schema.getValue("type");
    boolean string = "string".equals(type) || type instanceof JsonArray types && types.contains("string");
    if (string && !schema.containsKey("enum") && !schema.containsKey("const")) {
      strings++;
      boolean ruled = schema.getJsonArray("allOf", new JsonArray()).stream()
          .map(s -> ((JsonObject) s).getString("$ref")).anyMatch(r -> TEXT.equals(r) || MULTILINE.equals(r));
      if (!ruled) {
        lacking.add(where + ": a string without allOf [$ref Text or MultilineText]");
      }
    }
    if (schema.containsKey("properties") && !Boolean.FALSE.equals(schema.getValue("additionalProperties"))) {
      lacking.add(where + ": an object that takes properties it does not name");
    }
    JsonObject properties = schema.getJsonObject("properties", new JsonObject());
    for (String name : properties.fieldNames()) {
      strings += walk(properties.getValue(name), where + "." + name, lacking, seen);
    }
    // Not "if": its subschemas test a request, they do not say what it may hold.
    for (String key : List.of("items", "additionalProperties", "then", "else")) {
      strings += walk(schema.getValue(key), where + "." + key, lacking, seen);
    }
    for (String key : List.of("allOf", "anyOf", "oneOf")) {
      for (Object sub : schema.getJsonArray(key, new JsonArray())) {
        strings += walk(sub, where + "." + key, lacking, seen);
      }
    }
    return strings;
  }

  private JsonObject resolve(JsonObject node) {
    String ref = node.getString("$ref");
    if (ref == null) {
      return node;
    }
    Object target = document;
    for (String part : ref.substring(2).split("/")) {
      target = ((JsonObject) target).getValue(part);
    }
    return (JsonObject) target;
  }

  /** JSON text as a client sends it; the escapes are decoded by the same parser the gateway uses. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"a\\u0000b", "\\u0001", "a\\u0007", "\\u001b[31m", "\\u001f", "a\\tb", "a\\nb", "a\\rb",
      "a\\ud800b", "a\\udc00b", "\\ud83d", "x\\ude00", "\\ude00\\ud83d", "Acme\\u0000\\ud83d\\ude97"})
  @DisplayName("Text refuses C0 control characters and unpaired surrogates, after JSON decoding")
  void textRefuses(String escaped) {
    assertThat(valid("createTenant", "{\"name\": \"" + escaped + "\"}")).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Acme", "\\ud83d\\ude97 Motors", "\\ufeffBOM", "\\ufffe\\uffff\\ufdd0", "\\udbff\\udfff",
      "e\\u0301\\u0308", "\\u202eRTL\\u202c", "\\u2028\\u2029", "\\u007f", "\\u0080\\u009f", "\\u00a0",
      "\\ud800\\udc00"})
  @DisplayName("Text takes every other character: a surrogate pair, BOM, non-characters, combining marks, overrides")
  void textTakes(String escaped) {
    assertThat(valid("createTenant", "{\"name\": \"" + escaped + "\"}")).isTrue();
  }

  @Test
  @DisplayName("MultilineText takes tab and line breaks and refuses the other controls and unpaired surrogates")
  void multilineText() {
    assertThat(valid("changeLicenceStatus", "{\"status\": \"ACTIVE\", \"reason\": \"a\\tb\\r\\nc\\n\"}")).isTrue();
    for (String escaped : List.of("\\u0000", "\\u0008", "\\u000b", "\\u000c", "\\u001f", "\\ud800", "\\udfff")) {
      assertThat(valid("changeLicenceStatus", "{\"status\": \"ACTIVE\", \"reason\": \"a" + escaped + "\"}"))
          .as(escaped).isFalse();
    }
  }

  @Test
  @DisplayName("a long text is checked in linear time, without a stack overflow")
  void longText() {
    String text = "ab\u00e9\ud83d\ude97".repeat(10_000);
    JsonObject body = new JsonObject().put("format", "CSV").put("source", "s").put("content", text + "\n");
    assertThat(validator("importListedParties").validate(body).getValid()).isTrue();
  }

  private boolean valid(String operationId, String json) {
    return validator(operationId).validate(new JsonObject(json)).getValid();
  }

  private io.vertx.json.schema.Validator validator(String operationId) {
    JsonSchema schema = contract.operation(operationId).getRequestBody().getContent().get("application/json")
        .getSchema();
    return contract.getSchemaRepository().validator(schema);
  }
}
