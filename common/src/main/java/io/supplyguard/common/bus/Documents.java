package io.supplyguard.common.bus;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The contract's documents, read from the classpath: the OpenAPI document and the bus contract. */
public final class Documents {
  /** The public contract, served by the gateway and validated against by it and by the services. */
  public static final String OPENAPI = "openapi/openapi.yaml";
  /** What each bus address accepts and answers, in terms of the OpenAPI document. */
  public static final String BUS = "openapi/bus-contract.yaml";

  private Documents() {
  }

  public static String text(String resource) {
    try (InputStream in = Documents.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("No " + resource + " on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A YAML document as JSON, through a parser that builds plain maps and lists only. */
  public static JsonObject yaml(String text) {
    Map<String, Object> tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    return new JsonObject(tree);
  }

  /** The node a local {@code $ref} ({@code #/components/schemas/Site}) points at, or null. */
  public static Object pointer(JsonObject document, String ref) {
    if (!ref.startsWith("#/")) {
      throw new IllegalArgumentException("Not a local reference: " + ref);
    }
    Object node = document;
    for (String part : ref.substring(2).split("/")) {
      String key = part.replace("~1", "/").replace("~0", "~");
      if (node instanceof JsonObject object) {
        node = object.getValue(key);
      } else if (node instanceof JsonArray array && key.chars().allMatch(Character::isDigit)) {
        node = array.getValue(Integer.parseInt(key));
      } else {
        return null;
      }
    }
    return node;
  }
}
