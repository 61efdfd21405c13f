package io.supplyguard.gateway.contract;

import io.supplyguard.common.bus.ExactDecimals;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The OpenAPI document: its text, served as written, and the contract the router validates
 * requests against. vertx-openapi 5.0.7 refuses media types it cannot analyse, among them
 * {@code application/problem+json} and {@code text/event-stream} in responses; requests are
 * validated and responses are not, so the router gets a copy in which they read
 * {@code application/json} and {@code text/plain}.
 * The copy also has no {@code security} requirements: the gateway authenticates in its own
 * root handler, and the router would otherwise chain a handler for each alternative scheme
 * even with security turned off, and fail every request.
 * Its {@code multipleOf}s are exact decimals ({@link ExactDecimals}), so that 1e12 kg is a multiple of 0.001.
 */
public record Contract(Buffer text, OpenAPIContract routable) {
  static final String PATH = "openapi/openapi.yaml";
  private static final Map<String, String> ANALYSABLE = Map.of(
      "application/problem+json", "application/json",
      "text/event-stream", "text/plain");

  public static Future<Contract> load(Vertx vertx) {
    return vertx.fileSystem().readFile(PATH).compose(text -> {
      JsonObject document = parse(text);
      return OpenAPIContract.from(vertx, routableCopy(document))
          .map(contract -> new Contract(text, new ReusingContract(contract)));
    });
  }

  /** The document as JSON, through a YAML parser that builds plain maps and lists only. */
  public static JsonObject parse(Buffer text) {
    Map<String, Object> tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(text.toString());
    return new JsonObject(tree);
  }

  static JsonObject routableCopy(JsonObject document) {
    JsonObject copy = document.copy();
    copy.remove("security");
    rename(copy);
    ExactDecimals.apply(copy);
    return copy;
  }

  private static void rename(Object node) {
    if (node instanceof JsonObject object) {
      JsonObject content = object.getValue("content") instanceof JsonObject c ? c : null;
      if (content != null) {
        ANALYSABLE.forEach((unsupported, standIn) -> {
          if (content.containsKey(unsupported) && !content.containsKey(standIn)) {
            content.put(standIn, content.remove(unsupported));
          }
        });
      }
      object.forEach(entry -> rename(entry.getValue()));
    } else if (node instanceof JsonArray array) {
      array.forEach(Contract::rename);
    }
  }
}
