package io.supplyguard.licence.store;

import static io.supplyguard.common.db.Rows.texts;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Idempotency-Key records, written in the transaction of the write they protect. The first
 * request with a key claims it; a concurrent one with the same key waits on the claim's row
 * until the first commits, then finds its outcome. Several keys are claimed in one statement,
 * in key order, so that two transactions claiming the same keys cannot deadlock.
 */
public final class IdempotencyStore {
  private static final String CLAIM = """
      INSERT INTO idempotency_record (tenant_id, idem_key, request_hash)
      SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ORDER BY 1, 2
      ON CONFLICT (tenant_id, idem_key) DO NOTHING
      RETURNING tenant_id, idem_key""";
  private static final String EARLIER = """
      SELECT tenant_id, idem_key, request_hash, outcome FROM idempotency_record
      WHERE (tenant_id, idem_key) IN (SELECT * FROM unnest($1::text[], $2::text[]))""";
  private static final String COMPLETE = """
      UPDATE idempotency_record r SET outcome = u.outcome::jsonb
      FROM unnest($1::text[], $2::text[], $3::text[]) AS u(tenant_id, idem_key, outcome)
      WHERE r.tenant_id = u.tenant_id AND r.idem_key = u.idem_key""";

  /** A request's key within its tenant, and the hash of what it asks. */
  public record Claim(String tenantId, String key, String requestHash) {
  }

  /** What the request that holds a key asked, and the outcome it recorded. */
  public record Earlier(String requestHash, JsonObject outcome) {
  }

  private IdempotencyStore() {
  }

  /**
   * Claims every key not claimed before; answers, for each of the others, what the request that
   * claimed it recorded (empty when every key was claimed now). Each key must appear once.
   */
  public static Future<Map<Claim, Earlier>> claim(SqlConnection tx, List<Claim> claims) {
    Tuple keys = keys(claims);
    String[] hashes = texts(claims, Claim::requestHash);
    return tx.preparedQuery(CLAIM).execute(Tuple.of(keys.getValue(0), keys.getValue(1), hashes)).compose(rows -> {
      Set<String> claimed = new HashSet<>();
      for (Row row : rows) {
        claimed.add(id(row.getString("tenant_id"), row.getString("idem_key")));
      }
      List<Claim> held = claims.stream().filter(c -> !claimed.contains(id(c.tenantId(), c.key()))).toList();
      if (held.isEmpty()) {
        return Future.succeededFuture(Map.of());
      }
      return tx.preparedQuery(EARLIER).execute(keys(held)).map(found -> {
        Map<String, Earlier> byId = new HashMap<>();
        for (Row row : found) {
          byId.put(id(row.getString("tenant_id"), row.getString("idem_key")),
              new Earlier(row.getString("request_hash"), row.getJsonObject("outcome")));
        }
        Map<Claim, Earlier> earlier = new HashMap<>();
        held.forEach(c -> earlier.put(c, byId.get(id(c.tenantId(), c.key()))));
        return earlier;
      });
    });
  }

  /** Records each claimed key's outcome. */
  public static Future<Void> complete(SqlConnection tx, Map<Claim, JsonObject> outcomes) {
    if (outcomes.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Claim> claims = new ArrayList<>(outcomes.keySet());
    Tuple keys = keys(claims);
    String[] encoded = texts(claims, c -> outcomes.get(c).encode());
    return tx.preparedQuery(COMPLETE).execute(Tuple.of(keys.getValue(0), keys.getValue(1), encoded)).mapEmpty();
  }

  private static Tuple keys(List<Claim> claims) {
    // Tuple.from: Tuple.of would take a lone array for its varargs.
    return Tuple.from(new Object[] {texts(claims, Claim::tenantId),
        texts(claims, Claim::key)});
  }

  private static String id(String tenantId, String key) {
    return tenantId + '\n' + key;
  }
}
