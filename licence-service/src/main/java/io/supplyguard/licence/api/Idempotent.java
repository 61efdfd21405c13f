package io.supplyguard.licence.api;

import io.supplyguard.common.bus.BusFailure;
import io.supplyguard.common.bus.BusRequest;
import io.supplyguard.common.bus.ServiceException;
import io.supplyguard.licence.store.IdempotencyStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Runs a write once per Idempotency-Key. The write and the key's record commit together, and
 * so does a refusal the write decided (a 409): its replay is the same refusal, as the first
 * answer was. A failure of the machinery itself commits nothing, so the client may retry.
 */
final class Idempotent {

  private Idempotent() {
  }

  /**
   * @param operation names the operation and its target, so that one key cannot be reused
   *     across licences or operations
   */
  static Future<JsonObject> run(Pool pool, BusRequest request, String operation,
      Function<SqlConnection, Future<JsonObject>> write) {
    String key = request.idempotencyKey();
    Future<JsonObject> outcome = pool.withTransaction(tx -> {
      if (key == null) {
        return capture(write.apply(tx));
      }
      String tenant = request.requireTenant();
      String hash = hash(operation, request.body());
      return IdempotencyStore.claim(tx, tenant, key, hash).compose(earlier -> earlier.isPresent()
          ? Future.succeededFuture(earlier.get())
          : capture(write.apply(tx)).compose(result -> IdempotencyStore.complete(tx, tenant, key, result).map(result)));
    });
    return outcome.compose(Idempotent::unwrap);
  }

  private static Future<JsonObject> capture(Future<JsonObject> write) {
    return write.map(body -> new JsonObject().put("ok", body)).recover(failure -> {
      if (failure instanceof ServiceException refused) {
        return Future.succeededFuture(new JsonObject().put("refused",
            new JsonObject().put("code", refused.code().code()).put("text", BusFailure.encode(refused))));
      }
      return Future.failedFuture(failure);
    });
  }

  private static Future<JsonObject> unwrap(JsonObject outcome) {
    if (outcome.containsKey("ok")) {
      return Future.succeededFuture(outcome.getJsonObject("ok"));
    }
    JsonObject refused = outcome.getJsonObject("refused");
    return Future.failedFuture(BusFailure.decode(refused.getInteger("code"), refused.getString("text")));
  }

  static String hash(String operation, JsonObject body) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] bytes = (operation + "\n" + canonical(body)).getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(digest.digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always present in the JDK", e);
    }
  }

  /** The body with its keys sorted at every level, so that key order does not change the hash. */
  private static String canonical(Object value) {
    if (value instanceof JsonObject object) {
      TreeMap<String, Object> sorted = new TreeMap<>();
      object.forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
      StringBuilder out = new StringBuilder("{");
      sorted.forEach((k, v) -> out.append(new JsonArray().add(k).encode()).append(':').append(canonical(v)).append(','));
      return out.append('}').toString();
    }
    if (value instanceof JsonArray array) {
      StringBuilder out = new StringBuilder("[");
      array.forEach(v -> out.append(canonical(v)).append(','));
      return out.append(']').toString();
    }
    return new JsonArray().add(value).encode();
  }
}
