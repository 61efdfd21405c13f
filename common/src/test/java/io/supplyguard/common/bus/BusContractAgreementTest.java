package io.supplyguard.common.bus;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The bus and the HTTP API accept the same fields: for every address the gateway forwards an
 * operation to, the bus request has exactly the operation's body fields and the path and query
 * parameters the gateway passes on, each with the document's own schema; and no parameter of the
 * operation is left behind (a new query parameter the bus does not carry fails here).
 */
class BusContractAgreementTest {
  /** Travels in a header (BusHeaders.TENANT_ID), as the acting tenant, never in the message. */
  private static final String ACTING_TENANT = "#/components/parameters/ActingTenant";

  private static final JsonObject OPENAPI = Documents.yaml(Documents.text(Documents.OPENAPI));
  private static final JsonObject BUS = Documents.yaml(Documents.text(Documents.BUS));
  private static final BusContract CONTRACT = BusContract.shared();

  @TestFactory
  Stream<DynamicTest> everyForwardedOperationAgreesWithItsAddress() {
    JsonObject addresses = BUS.getJsonObject("addresses");
    return addresses.fieldNames().stream().sorted()
        .filter(address -> addresses.getJsonObject(address).getJsonObject("request", new JsonObject())
            .containsKey("operation"))
        .map(address -> DynamicTest.dynamicTest(address, () -> agree(address,
            addresses.getJsonObject(address).getJsonObject("request"))));
  }

  private static void agree(String address, JsonObject declared) {
    RequestSchemas.Operation operation = RequestSchemas.Operation.find(OPENAPI, declared.getString("operation"));
    JsonObject bus = CONTRACT.schema(address, "request").getJsonObject("properties");
    Set<String> expected = new HashSet<>(declared.getJsonObject("properties", new JsonObject()).fieldNames());

    JsonObject body = body(operation);
    body.getJsonObject("properties", new JsonObject()).forEach(field -> {
      expected.add(field.getKey());
      assertThat(clean(bus.getJsonObject(field.getKey()))).as("%s: body field %s", address, field.getKey())
          .isEqualTo(field.getValue());
    });
    for (String own : declared.getJsonObject("properties", new JsonObject()).fieldNames()) {
      assertThat(body.getJsonObject("properties", new JsonObject()).containsKey(own))
          .as("%s: the bus-only field %s redefines a body field", address, own).isFalse();
    }

    List<String> resolved = declared.getJsonArray("resolvedByGateway", new JsonArray()).stream()
        .map(String.class::cast).toList();
    JsonObject renames = renames(declared.getValue("parameters"));
    for (Object entry : operation.json().getJsonArray("parameters", new JsonArray()).copy()
        .addAll(operation.pathParameters())) {
      JsonObject parameter = (JsonObject) entry;
      if (ACTING_TENANT.equals(parameter.getString("$ref"))) {
        continue;
      }
      if (parameter.containsKey("$ref")) {
        parameter = (JsonObject) Documents.pointer(OPENAPI, parameter.getString("$ref"));
      }
      String name = parameter.getString("name");
      if (!Set.of("path", "query").contains(parameter.getString("in")) || resolved.contains(name)) {
        continue;
      }
      assertThat(renames.containsKey(name)).as("%s: the bus carries %s parameter %s of %s", address,
          parameter.getString("in"), name, operation.id()).isTrue();
      String field = renames.getString(name);
      expected.add(field);
      assertThat(clean(bus.getJsonObject(field))).as("%s: parameter %s", address, name)
          .isEqualTo(parameter.getJsonObject("schema"));
    }
    assertThat(bus.fieldNames()).as("%s: the message's fields", address).containsExactlyInAnyOrderElementsOf(expected);
  }

  private static JsonObject body(RequestSchemas.Operation operation) {
    Object schema = Documents.pointer(operation.json(), "#/requestBody/content/application~1json/schema");
    while (schema instanceof JsonObject ref && ref.containsKey("$ref")) {
      schema = Documents.pointer(OPENAPI, ref.getString("$ref"));
    }
    return schema == null ? new JsonObject() : (JsonObject) schema;
  }

  private static JsonObject renames(Object declared) {
    JsonObject renames = new JsonObject();
    if (declared instanceof JsonArray list) {
      list.forEach(name -> renames.put((String) name, name));
    } else if (declared instanceof JsonObject map) {
      renames.mergeIn(map);
    }
    return renames;
  }

  /** The compiled schema without the validator's annotations and exact decimals, to compare with the document's. */
  private static JsonObject clean(JsonObject schema) {
    JsonObject copy = new JsonObject(schema.encode());
    strip(copy);
    return copy;
  }

  private static void strip(Object node) {
    if (node instanceof JsonObject object) {
      object.remove("__absolute_uri__");
      object.remove("__absolute_ref__");
      if (object.getValue("multipleOf") instanceof Number n) {
        object.put("multipleOf", n.doubleValue());
      }
      object.forEach(entry -> strip(entry.getValue()));
    } else if (node instanceof JsonArray array) {
      array.forEach(BusContractAgreementTest::strip);
    }
  }
}
