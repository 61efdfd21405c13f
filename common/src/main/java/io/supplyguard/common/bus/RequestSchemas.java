package io.supplyguard.common.bus;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Builds the schema of a bus request from its declaration in the bus contract: the JSON body of
 * the HTTP operation the gateway forwards, as the OpenAPI document defines it, plus the operation's
 * parameters the gateway puts in the message, plus what only the bus carries. Nothing of the
 * operation is written again, so the bus cannot come to accept other values than the API does.
 */
final class RequestSchemas {
  private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete");
  private static final Set<String> IN_MESSAGE = Set.of("path", "query");

  private RequestSchemas() {
  }

  static JsonObject of(String address, JsonObject declaration, JsonObject openapi) {
    JsonObject schema;
    String operationId = declaration.getString("operation");
    if (operationId == null) {
      schema = closedObject();
    } else {
      Operation operation = Operation.find(openapi, operationId);
      schema = body(address, operation, openapi);
      parameters(declaration.getValue("parameters")).forEach((name, field) -> {
        JsonObject parameter = operation.parameter(name, openapi);
        if (parameter == null) {
          throw invalid(address, operationId + " has no path or query parameter " + name);
        }
        add(address, schema, field, parameter.getJsonObject("schema"), parameter.getBoolean("required", false));
      });
    }
    JsonObject own = declaration.getJsonObject("properties", new JsonObject());
    JsonArray required = declaration.getJsonArray("required", new JsonArray());
    own.forEach(p -> add(address, schema, p.getKey(), (JsonObject) p.getValue(), required.contains(p.getKey())));
    if (declaration.containsKey("anyOf")) {
      schema.put("anyOf", declaration.getJsonArray("anyOf").copy());
    }
    return schema;
  }

  /** The operation's JSON body schema, copied so that fields can be added; an empty object without one. */
  private static JsonObject body(String address, Operation operation, JsonObject openapi) {
    Object body = Documents.pointer(operation.json(), "#/requestBody/content/application~1json/schema");
    if (body == null) {
      return closedObject();
    }
    JsonObject schema = (JsonObject) body;
    while (schema.containsKey("$ref")) {
      schema = (JsonObject) Documents.pointer(openapi, schema.getString("$ref"));
    }
    // Fields are added beside the body's: that is sound only for a closed object.
    if (!"object".equals(schema.getValue("type")) || !Boolean.FALSE.equals(schema.getValue("additionalProperties"))) {
      throw invalid(address, "the body of " + operation.id() + " is not a closed object; it cannot take more fields");
    }
    JsonObject copy = schema.copy();
    copy.put("properties", copy.getJsonObject("properties", new JsonObject()));
    return copy;
  }

  private static void add(String address, JsonObject schema, String field, JsonObject fieldSchema, boolean required) {
    JsonObject properties = schema.getJsonObject("properties");
    if (properties.containsKey(field)) {
      throw invalid(address, "the field " + field + " is defined twice");
    }
    properties.put(field, fieldSchema.copy());
    if (required) {
      JsonArray list = schema.getJsonArray("required", new JsonArray());
      schema.put("required", list.add(field));
    }
  }

  /** {@code [a, b]} carries them as they are named; {@code {a: x}} renames. */
  private static Map<String, String> parameters(Object declared) {
    Map<String, String> names = new LinkedHashMap<>();
    if (declared instanceof JsonArray list) {
      list.forEach(name -> names.put((String) name, (String) name));
    } else if (declared instanceof JsonObject renames) {
      renames.forEach(entry -> names.put(entry.getKey(), (String) entry.getValue()));
    }
    return names;
  }

  private static JsonObject closedObject() {
    return new JsonObject().put("type", "object").put("additionalProperties", false)
        .put("properties", new JsonObject());
  }

  private static IllegalStateException invalid(String address, String why) {
    return new IllegalStateException("The bus contract of " + address + " cannot be built: " + why);
  }

  /** An operation of the OpenAPI document, with the parameters of its path. */
  record Operation(String id, JsonObject json, JsonArray pathParameters) {

    static Operation find(JsonObject openapi, String operationId) {
      JsonObject paths = openapi.getJsonObject("paths");
      for (String path : paths.fieldNames()) {
        JsonObject item = paths.getJsonObject(path);
        for (String method : item.fieldNames()) {
          if (METHODS.contains(method) && operationId.equals(item.getJsonObject(method).getString("operationId"))) {
            return new Operation(operationId, item.getJsonObject(method),
                item.getJsonArray("parameters", new JsonArray()));
          }
        }
      }
      throw new IllegalStateException("The OpenAPI document has no operation " + operationId);
    }

    /** The path or query parameter {@code name}, its {@code $ref} followed; null when there is none. */
    JsonObject parameter(String name, JsonObject openapi) {
      JsonArray all = json.getJsonArray("parameters", new JsonArray()).copy().addAll(pathParameters);
      for (Object entry : all) {
        JsonObject parameter = (JsonObject) entry;
        if (parameter.containsKey("$ref")) {
          parameter = (JsonObject) Documents.pointer(openapi, parameter.getString("$ref"));
        }
        if (name.equals(parameter.getString("name")) && IN_MESSAGE.contains(parameter.getString("in"))) {
          return parameter;
        }
      }
      return null;
    }
  }
}
