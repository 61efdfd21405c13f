package io.supplyguard.gateway;

import io.supplyguard.gateway.contract.Contract;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Every operation of the OpenAPI document under {@code /api}, read from the document itself,
 * so that a test over them cannot forget one that is added later.
 */
record ContractOperations(String operationId, HttpMethod method, String uri, List<String> roles, boolean hasBody,
    boolean namesTenant) {
  private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete");

  static List<ContractOperations> all() {
    JsonObject document;
    try (InputStream in = ContractOperations.class.getClassLoader().getResourceAsStream("openapi/openapi.yaml")) {
      document = Contract.parse(Buffer.buffer(in.readAllBytes()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<ContractOperations> operations = new ArrayList<>();
    JsonObject paths = document.getJsonObject("paths");
    for (String path : paths.fieldNames()) {
      if (!path.startsWith("/api/")) {
        continue;
      }
      JsonObject item = paths.getJsonObject(path);
      for (String method : item.fieldNames()) {
        if (!METHODS.contains(method)) {
          continue;
        }
        JsonObject operation = item.getJsonObject(method);
        JsonArray roles = operation.getJsonArray("x-roles", new JsonArray());
        operations.add(new ContractOperations(operation.getString("operationId"), HttpMethod.valueOf(method.toUpperCase()),
            // Any value will do for path parameters: credentials and roles are checked before the request's shape.
            path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString()),
            roles.stream().map(String::valueOf).toList(), operation.containsKey("requestBody"),
            operation.getJsonArray("parameters", new JsonArray()).encode().contains("/ActingTenant")));
      }
    }
    return operations;
  }

  @Override
  public String toString() {
    return operationId + " " + method + " " + uri;
  }
}
