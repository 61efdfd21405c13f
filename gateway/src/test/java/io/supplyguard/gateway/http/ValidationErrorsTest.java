package io.supplyguard.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.common.bus.FieldError;
import io.supplyguard.common.testing.Await;
import io.supplyguard.gateway.contract.Contract;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.RequestValidator;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatorException;
import io.vertx.openapi.validation.impl.RequestParameterImpl;
import io.vertx.openapi.validation.impl.ValidatableRequestImpl;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * ValidationErrors reads the English of vertx-openapi's and vertx-json-schema's messages. Each
 * form it reads is produced here by the real library, and the errors[] it makes of it are pinned:
 * an upgrade that rewords a message fails this test instead of giving clients a vaguer 400.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ValidationErrorsTest {
  /** One operation whose parameters and body can fail in every way the gateway's contract can. */
  private static final String CONTRACT = """
      {"openapi": "3.1.0", "info": {"title": "forms", "version": "1"},
       "paths": {"/things/{id}": {"post": {"operationId": "thing",
         "parameters": [
           {"name": "id", "in": "path", "required": true, "schema": {"type": "string", "pattern": "^[a-z]+$"}},
           {"name": "q", "in": "query", "required": true, "schema": {"type": "string"}},
           {"name": "X-Thing", "in": "header", "required": true, "schema": {"type": "string"}}],
         "requestBody": {"required": true,
           "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
         "responses": {"200": {"description": "ok"}}}}},
       "components": {"schemas": {
         "Code": {"type": "string", "pattern": "^[A-Z]+$"},
         "Thing": {"type": "object", "additionalProperties": false, "required": ["name"],
           "properties": {
             "name": {"type": "string"}, "kind": {"type": "string", "enum": ["A", "B"]},
             "qty": {"type": "number"}, "code": {"allOf": [{"$ref": "#/components/schemas/Code"}]},
             "lines": {"type": "array", "items": {"type": "object", "additionalProperties": false,
               "required": ["qty"], "properties": {"qty": {"type": "number"}}}}},
           "if": {"properties": {"kind": {"const": "A"}}, "required": ["kind"]},
           "then": {"required": ["qty"]}, "else": {"required": ["code"]}}}}}
      """;
  private static final Map<String, String> VALID_PARAMETERS = Map.of("id", "abc", "q", "x", "X-Thing", "t");

  private Vertx vertx;
  private RequestValidator validator;
  /** Every message the library gave in this test, to check that each form is still among them. */
  private final List<String> messages = new ArrayList<>();

  @BeforeAll
  void load() throws Exception {
    vertx = Vertx.vertx();
    validator = RequestValidator.create(vertx, Await.result(OpenAPIContract.from(vertx, new JsonObject(CONTRACT))));
  }

  @AfterAll
  void close() throws Exception {
    Await.result(vertx.close());
  }

  @Test
  @DisplayName("a required query, path or header parameter left out: named, 'is required'")
  void missingParameters() throws Exception {
    for (String name : List.of("q", "id", "X-Thing")) {
      Map<String, String> parameters = new HashMap<>(VALID_PARAMETERS);
      parameters.remove(name);
      assertThat(errors(parameters, "{\"name\": \"n\", \"kind\": \"A\", \"qty\": 1}"))
          .containsExactly(new FieldError(name, "is required"));
    }
  }

  @Test
  @DisplayName("a parameter whose value the schema refuses: named")
  void invalidParameter() throws Exception {
    assertThat(errors(Map.of("id", "ABC", "q", "x", "X-Thing", "t"), "{\"name\": \"n\", \"kind\": \"A\", \"qty\": 1}"))
        .containsExactly(new FieldError("id", "has a value that does not match the contract"));
  }

  @Test
  @DisplayName("required properties of the body and of an if/then: each named, 'is required'")
  void requiredProperties() throws Exception {
    assertThat(errors(VALID_PARAMETERS, "{\"kind\": \"A\"}"))
        .containsExactlyInAnyOrder(new FieldError("name", "is required"), new FieldError("qty", "is required"));
    assertThat(errors(VALID_PARAMETERS, "{\"name\": \"n\", \"kind\": \"B\"}"))
        .containsExactly(new FieldError("code", "is required"));
  }

  @Test
  @DisplayName("a field failing inside allOf and $ref, and a property the contract lacks: only the field's own failure")
  void enclosingFailuresAreLeftOut() throws Exception {
    assertThat(errors(VALID_PARAMETERS, "{\"name\": \"n\", \"kind\": \"B\", \"code\": \"abc\", \"extra\": 1}"))
        .containsExactlyInAnyOrder(new FieldError("code", "String does not match pattern"),
            new FieldError("extra", "is not a property of this request"));
  }

  @Test
  @DisplayName("fields of array items: named with their index")
  void arrayItems() throws Exception {
    assertThat(errors(VALID_PARAMETERS, "{\"name\": \"n\", \"kind\": \"B\", \"code\": \"X\","
        + " \"lines\": [{\"qty\": \"x\"}, {}]}"))
        .containsExactlyInAnyOrder(new FieldError("lines[0].qty", "Instance type string is invalid. Expected number"),
            new FieldError("lines[1].qty", "is required"));
  }

  /**
   * Text and MultilineText are found by where they failed in the gateway's own contract: the
   * validator's words ("matched not") would tell the client nothing.
   */
  @Test
  @DisplayName("text the contract's Text or MultilineText refuses: the field, and what is wrong with it in words")
  void textRules() throws Exception {
    RequestValidator gateway = RequestValidator.create(vertx, Await.result(Contract.load(vertx)).routable());
    assertThat(errors(gateway, "createTenant", Map.of(), Map.of(), Map.of(), "{\"name\": \"a\\u0000b\"}"))
        .containsExactly(new FieldError("name",
            "must not contain control characters (U+0000 to U+001F) or unpaired surrogates"));
    assertThat(errors(gateway, "changeLicenceStatus", Map.of("id", "6f1c2d3e-4b5a-4c6d-8e7f-901234567890"), Map.of(),
        Map.of(), "{\"status\": \"ACTIVE\", \"reason\": \"a\\t\\ud800\"}"))
        .containsExactly(new FieldError("reason",
            "must not contain control characters other than tab and line breaks, or unpaired surrogates"));
  }

  /**
   * ValidationErrors' patterns match these forms. If one is missing after an upgrade, the library
   * says it differently now: change the pattern in ValidationErrors to the new wording.
   */
  @Test
  @DisplayName("every message form ValidationErrors reads is still one the library writes")
  void everyFormStillOccurs() throws Exception {
    missingParameters();
    invalidParameter();
    requiredProperties();
    enclosingFailuresAreLeftOut();
    arrayItems();
    assertThat(messages).anyMatch(m -> m.contains("required query parameter q"))
        .anyMatch(m -> m.contains("required path parameter id"))
        .anyMatch(m -> m.contains("required header parameter X-Thing"))
        .anyMatch(m -> m.startsWith("The value of path parameter id is invalid"))
        .contains("Instance does not have required property \"name\"")
        .contains("Property \"code\" does not match schema")
        .contains("Property \"extra\" does not match additional properties schema")
        .contains("A subschema had errors")
        .contains("Items did not match schema")
        .contains("Instance does not match every subschema")
        .contains("Instance does not match \"then\" schema")
        .contains("Instance does not match \"else\" schema");
  }

  private List<FieldError> errors(Map<String, String> parameters, String body) throws Exception {
    Map<String, String> path = new HashMap<>();
    Map<String, String> query = new HashMap<>();
    Map<String, String> headers = new HashMap<>();
    parameters.forEach((name, value) -> (name.equals("id") ? path : name.equals("q") ? query : headers)
        .put(name, value));
    return errors(validator, "thing", path, query, headers, body);
  }

  private List<FieldError> errors(RequestValidator validator, String operationId, Map<String, String> path,
      Map<String, String> query, Map<String, String> headers, String body) throws Exception {
    ValidatableRequestImpl request = new ValidatableRequestImpl(Map.of(), parameters(headers), parameters(path),
        parameters(query), new RequestParameterImpl(Buffer.buffer(body)), "application/json");
    Throwable failure = validator.validate(request, operationId).toCompletionStage().handle((ok, e) -> e)
        .toCompletableFuture().get();
    if (failure instanceof CompletionException wrapped) {
      failure = wrapped.getCause();
    }
    assertThat(failure).as("the library's verdict on " + path + query + headers + " " + body)
        .isInstanceOf(ValidatorException.class);
    ValidatorException e = (ValidatorException) failure;
    messages.add(e.getMessage());
    if (e instanceof SchemaValidationException schema && schema.getOutputUnit() != null) {
      collect(schema.getOutputUnit());
    }
    return ValidationErrors.of(e);
  }

  private static Map<String, RequestParameter> parameters(Map<String, String> values) {
    Map<String, RequestParameter> parameters = new HashMap<>();
    values.forEach((name, value) -> parameters.put(name, new RequestParameterImpl(value)));
    return parameters;
  }

  private void collect(OutputUnit unit) {
    if (unit.getError() != null) {
      messages.add(unit.getError());
    }
    if (unit.getErrors() != null) {
      unit.getErrors().forEach(this::collect);
    }
  }
}
