package io.supplyguard.common.bus;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.json.schema.Validator;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What each bus address accepts and answers (openapi/bus-contract.yaml), in terms of the OpenAPI
 * document: each schema is compiled once, into the document's own repository, so that its
 * {@code $ref}s reach the document's components, and its validator serves every message.
 * A service validates what it is sent even when the gateway validated the HTTP request: the bus is
 * an entry point too (another service, a test, an operator's tool).
 */
public final class BusContract {
  private static final String BASE = "app:///";
  private static final List<String> KINDS = List.of("request", "reply", "event");
  private static BusContract shared;

  private final JsonObject document;
  private final Set<String> names;
  private final Map<String, Validator> validators = new HashMap<>();

  private BusContract(JsonObject openapi, JsonObject bus) {
    JsonObject addresses = new JsonObject();
    bus.getJsonObject("addresses").forEach(entry -> addresses.put(entry.getKey(),
        compose(entry.getKey(), (JsonObject) entry.getValue(), openapi)));
    document = openapi.copy().put("x-bus", new JsonObject().put("addresses", addresses)
        .put("schemas", bus.getJsonObject("schemas", new JsonObject())));
    ExactDecimals.apply(document);
    SchemaRepository repository = SchemaRepository.create(new JsonSchemaOptions().setDraft(Draft.DRAFT202012)
        .setBaseUri(BASE).setOutputFormat(OutputFormat.Basic), new ContractFormats());
    repository.dereference(JsonSchema.of(document));
    // Compiling annotates the schemas in place (__absolute_uri__): only the kinds are schemas.
    names = new TreeSet<>(bus.getJsonObject("addresses").fieldNames());
    for (String address : names) {
      for (String kind : KINDS) {
        if (addresses.getJsonObject(address).containsKey(kind)) {
          validators.put(key(address, kind), repository.validator(BASE + "#/x-bus/addresses/" + address + "/" + kind));
        }
      }
    }
  }

  /** The contract of the documents on the classpath, read once per process (blocking: at start). */
  public static synchronized BusContract shared() {
    if (shared == null) {
      shared = new BusContract(Documents.yaml(Documents.text(Documents.OPENAPI)),
          Documents.yaml(Documents.text(Documents.BUS)));
    }
    return shared;
  }

  /** {@link #shared()}, read off the event loop. */
  public static Future<BusContract> load(Vertx vertx) {
    return vertx.executeBlocking(BusContract::shared);
  }

  /** Every address the contract defines. */
  public Set<String> addresses() {
    return Collections.unmodifiableSet(names);
  }

  /**
   * The schema of one part of an address's messages, its {@code $ref}s into {@link #document()};
   * null when the address has none.
   *
   * @param kind {@code request}, {@code reply} or {@code event}
   */
  public JsonObject schema(String address, String kind) {
    JsonObject entry = document.getJsonObject("x-bus").getJsonObject("addresses").getJsonObject(address);
    return entry == null || !KINDS.contains(kind) ? null : entry.getJsonObject(kind);
  }

  /** The OpenAPI document with the bus contract under {@code x-bus}, as it is compiled. */
  public JsonObject document() {
    return document.copy();
  }

  /** The problems of a message to {@code address}, each naming its field; none when it is valid. */
  public List<FieldError> errors(String address, String kind, Object message) {
    Validator validator = validators.get(key(address, kind));
    if (validator == null) {
      throw new IllegalArgumentException("The bus contract has no " + kind + " for " + address);
    }
    OutputUnit verdict = validator.validate(message == null ? new JsonObject() : message);
    return verdict.getValid() ? List.of() : SchemaErrors.of(verdict);
  }

  /** Fails with a 400 naming every invalid field unless {@code message} is a valid request to {@code address}. */
  public void checkRequest(String address, JsonObject message) {
    List<FieldError> errors = errors(address, "request", message);
    if (!errors.isEmpty()) {
      throw ServiceException.invalidFields(errors);
    }
  }

  public boolean hasRequest(String address) {
    return validators.containsKey(key(address, "request"));
  }

  private static JsonObject compose(String address, JsonObject declared, JsonObject openapi) {
    JsonObject entry = new JsonObject();
    if (declared.containsKey("request")) {
      entry.put("request", RequestSchemas.of(address, declared.getJsonObject("request"), openapi));
    }
    for (String kind : KINDS.subList(1, 3)) {
      Object schema = declared.getValue(kind);
      if (schema instanceof String component) {
        entry.put(kind, new JsonObject().put("$ref", "#/components/schemas/" + component));
      } else if (schema instanceof JsonObject inline) {
        entry.put(kind, inline.copy());
      }
    }
    return entry;
  }

  private static String key(String address, String kind) {
    return address + " " + kind;
  }
}
