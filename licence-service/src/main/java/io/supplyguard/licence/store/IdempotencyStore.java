package io.supplyguard.licence.store;

import io.supplyguard.common.bus.FailureCode;
import io.supplyguard.common.bus.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.Optional;

/**
 * Idempotency-Key records, written in the transaction of the write they protect. The first
 * request with a key claims it; a concurrent one with the same key waits on the claim's row
 * until the first commits, then replays its outcome. The same key with another body is a 422.
 */
public final class IdempotencyStore {
  private static final String CLAIM = """
      INSERT INTO idempotency_record (tenant_id, idem_key, request_hash) VALUES ($1, $2, $3)
      ON CONFLICT (tenant_id, idem_key) DO NOTHING""";
  private static final String EARLIER = """
      SELECT request_hash, outcome FROM idempotency_record WHERE tenant_id = $1 AND idem_key = $2""";
  private static final String COMPLETE = """
      UPDATE idempotency_record SET outcome = $3 WHERE tenant_id = $1 AND idem_key = $2""";

  private IdempotencyStore() {
  }

  /** Empty when this request holds the key now; else the outcome of the earlier request. */
  public static Future<Optional<JsonObject>> claim(SqlConnection tx, String tenantId, String key, String requestHash) {
    return tx.preparedQuery(CLAIM).execute(Tuple.of(tenantId, key, requestHash)).compose(claimed -> {
      if (claimed.rowCount() == 1) {
        return Future.succeededFuture(Optional.empty());
      }
      return tx.preparedQuery(EARLIER).execute(Tuple.of(tenantId, key)).map(rows -> {
        var row = rows.iterator().next();
        if (!row.getString("request_hash").equals(requestHash)) {
          throw new ServiceException(FailureCode.UNPROCESSABLE,
              "This Idempotency-Key was used with a different request; use a new key for a new request.");
        }
        return Optional.of(row.getJsonObject("outcome"));
      });
    });
  }

  public static Future<Void> complete(SqlConnection tx, String tenantId, String key, JsonObject outcome) {
    return tx.preparedQuery(COMPLETE).execute(Tuple.of(tenantId, key, outcome)).mapEmpty();
  }
}
