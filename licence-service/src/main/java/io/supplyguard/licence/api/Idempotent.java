package io.supplyguard.licence.api;

import io.supplyguard.common.bus.BusRequest;
import io.supplyguard.common.bus.FailureCode;
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
import java.util.List;
import java.util.Map;
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
        return Outcome.of(write.apply(tx));
      }
      IdempotencyStore.Claim claim = new IdempotencyStore.Claim(request.requireTenant(), key,
          hash(operation, request.body()));
      return IdempotencyStore.claim(tx, List.of(claim)).compose(held -> held.isEmpty()
          ? Outcome.of(write.apply(tx)).compose(result ->
              IdempotencyStore.complete(tx, Map.of(claim, result)).map(result))
          : Future.succeededFuture(replay(held.get(claim), claim.requestHash())));
    });
    return outcome.compose(Outcome::answer);
  }

  /** The outcome to answer a request whose key another request holds: that request's, if it asked the same. */
  static JsonObject replay(IdempotencyStore.Earlier earlier, String requestHash) {
    if (!earlier.requestHash().equals(requestHash)) {
      return Outcome.refused(new ServiceException(FailureCode.UNPROCESSABLE,
          "This Idempotency-Key was used with a different request; use a new key for a new request."));
    }
    return earlier.outcome();
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
