package io.supplyguard.gateway.auth;

import io.supplyguard.common.bus.FailureCode;
import io.supplyguard.common.bus.Role;
import io.supplyguard.common.bus.ServiceException;
import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;

/** Every statement on tenants and their keys. */
public final class TenantRepository {
  private static final String UNIQUE_VIOLATION = "23505";

  private static final String INSERT_TENANT = "INSERT INTO tenant (id, name) VALUES ($1, $2)";
  private static final String TENANT_EXISTS = "SELECT 1 FROM tenant WHERE id = $1";
  private static final String KEY_COLUMNS = "id, tenant_id, role, created_at, revoked_at, replaces";
  private static final String INSERT_KEY = "INSERT INTO api_key (id, key_hash, tenant_id, role, replaces)"
      + " VALUES ($1, $2, $3, $4, $5) RETURNING " + KEY_COLUMNS;
  /** A key is valid while it is not revoked, or while its revocation lies ahead (a grace period). */
  private static final String FIND_BY_KEY = """
      SELECT id, tenant_id, role,
             (EXTRACT(EPOCH FROM (revoked_at - now())) * 1000)::bigint AS valid_for_ms
      FROM api_key
      WHERE key_hash = $1 AND (revoked_at IS NULL OR revoked_at > now())""";
  private static final String LIST_KEYS = "SELECT " + KEY_COLUMNS
      + " FROM api_key WHERE tenant_id = $1 ORDER BY created_at, id";
  private static final String LOCK_KEY = "SELECT " + KEY_COLUMNS
      + ", revoked_at <= now() AS revoked FROM api_key WHERE id = $1 AND tenant_id = $2 FOR UPDATE";
  private static final String REVOKE_AFTER = "UPDATE api_key SET revoked_at = now() + make_interval(secs => $2)"
      + " WHERE id = $1 RETURNING " + KEY_COLUMNS;

  private final Pool pool;

  public TenantRepository(Pool pool) {
    this.pool = pool;
  }

  /** Creates a tenant with one TENANT key, in one transaction; a taken name is a conflict. */
  public Future<UUID> create(String name, String keyHash) {
    UUID id = UUID.randomUUID();
    return pool.withTransaction(connection -> connection.preparedQuery(INSERT_TENANT).execute(Tuple.of(id, name))
            .compose(v -> insertKey(connection, id, keyHash, null)))
        .map(v -> id)
        .recover(failure -> {
          if (failure instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())) {
            return Future.failedFuture(new ServiceException(FailureCode.CONFLICT,
                "A tenant with this name already exists."));
          }
          return Future.failedFuture(failure);
        });
  }

  public Future<Boolean> tenantExists(UUID tenantId) {
    return pool.preparedQuery(TENANT_EXISTS).execute(Tuple.of(tenantId)).map(rows -> rows.size() > 0);
  }

  public Future<Optional<KeyGrant>> findByKeyHash(String keyHash) {
    return pool.preparedQuery(FIND_BY_KEY).execute(Tuple.of(keyHash)).map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      Row row = rows.iterator().next();
      Long validForMs = row.getLong("valid_for_ms");
      return Optional.of(new KeyGrant(row.getUUID("id").toString(),
          new Principal(row.getUUID("tenant_id").toString(), Role.valueOf(row.getString("role"))),
          validForMs == null ? null : Duration.ofMillis(Math.max(0, validForMs))));
    });
  }

  /** The tenant's keys, oldest first; NOT_FOUND for a tenant that does not exist. */
  public Future<List<StoredKey>> keys(UUID tenantId) {
    return existing(tenantId).compose(v -> pool.preparedQuery(LIST_KEYS).execute(Tuple.of(tenantId)))
        .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(TenantRepository::key).toList());
  }

  /** Another TENANT key for an existing tenant. */
  public Future<StoredKey> issue(UUID tenantId, String keyHash) {
    return existing(tenantId).compose(v -> pool.withConnection(c -> insertKey(c, tenantId, keyHash, null)));
  }

  /**
   * Replaces a valid key with a new one in one transaction: the old key is revoked after
   * {@code grace} (at once for zero). A key already revoked or already being replaced is a
   * conflict: rotating it twice would leave two successors.
   */
  public Future<Rotation> rotate(UUID tenantId, UUID keyId, String newKeyHash, Duration grace) {
    return pool.withTransaction(tx -> lock(tx, tenantId, keyId).compose(row -> {
      if (row.getValue("revoked_at") != null) {
        return Future.failedFuture(new ServiceException(FailureCode.CONFLICT, "Key " + keyId
            + (Boolean.TRUE.equals(row.getBoolean("revoked")) ? " is revoked" : " is already being replaced")
            + "; rotate a key that is in use."));
      }
      return tx.preparedQuery(REVOKE_AFTER).execute(Tuple.of(keyId, grace.toMillis() / 1000.0))
          .compose(revoked -> insertKey(tx, tenantId, newKeyHash, keyId)
              .map(created -> new Rotation(key(revoked.iterator().next()), created)));
    }));
  }

  /**
   * Revokes a key now. Revoking a revoked key changes nothing and answers it as it is; a key in
   * its grace period is revoked at once.
   */
  public Future<StoredKey> revoke(UUID tenantId, UUID keyId) {
    return pool.withTransaction(tx -> lock(tx, tenantId, keyId).compose(row ->
        Boolean.TRUE.equals(row.getBoolean("revoked"))
            ? Future.succeededFuture(key(row))
            : tx.preparedQuery(REVOKE_AFTER).execute(Tuple.of(keyId, 0.0)).map(rows -> key(rows.iterator().next()))));
  }

  /** A rotation's two keys: the one replaced (with when it stops working) and its successor. */
  public record Rotation(StoredKey replaced, StoredKey successor) {
  }

  private Future<Row> lock(SqlConnection tx, UUID tenantId, UUID keyId) {
    return tx.preparedQuery(LOCK_KEY).execute(Tuple.of(keyId, tenantId)).compose(rows -> rows.size() == 0
        ? Future.failedFuture(ServiceException.notFound("Key " + keyId + " of tenant " + tenantId))
        : Future.succeededFuture(rows.iterator().next()));
  }

  private Future<Void> existing(UUID tenantId) {
    return tenantExists(tenantId).compose(exists -> exists
        ? Future.succeededFuture()
        : Future.failedFuture(ServiceException.notFound("Tenant " + tenantId)));
  }

  private static Future<StoredKey> insertKey(SqlConnection connection, UUID tenantId, String keyHash, UUID replaces) {
    return connection.preparedQuery(INSERT_KEY)
        .execute(Tuple.of(UUID.randomUUID(), keyHash, tenantId, Role.TENANT.name(), replaces))
        .map(rows -> key(rows.iterator().next()));
  }

  private static StoredKey key(Row row) {
    var revoked = row.getOffsetDateTime("revoked_at");
    return new StoredKey(row.getUUID("id"), row.getUUID("tenant_id"), row.getString("role"),
        row.getOffsetDateTime("created_at").toInstant(), revoked == null ? null : revoked.toInstant(),
        row.getUUID("replaces"));
  }
}
