package io.supplyguard.gateway.auth;

import io.supplyguard.common.bus.FailureCode;
import io.supplyguard.common.bus.Role;
import io.supplyguard.common.bus.ServiceException;
import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.Optional;
import java.util.UUID;

/** Every statement on tenants and their keys. */
public final class TenantRepository {
  private static final String UNIQUE_VIOLATION = "23505";

  private static final String INSERT_TENANT = "INSERT INTO tenant (id, name) VALUES ($1, $2)";
  private static final String INSERT_KEY = "INSERT INTO api_key (key_hash, tenant_id, role) VALUES ($1, $2, $3)";
  private static final String FIND_BY_KEY = """
      SELECT k.tenant_id, k.role
      FROM api_key k
      WHERE k.key_hash = $1 AND k.revoked_at IS NULL""";

  private final Pool pool;

  public TenantRepository(Pool pool) {
    this.pool = pool;
  }

  /** Creates a tenant with one TENANT key, in one transaction; a taken name is a conflict. */
  public Future<UUID> create(String name, String keyHash) {
    UUID id = UUID.randomUUID();
    return pool.withTransaction(connection -> connection.preparedQuery(INSERT_TENANT).execute(Tuple.of(id, name))
            .compose(v -> connection.preparedQuery(INSERT_KEY).execute(Tuple.of(keyHash, id, Role.TENANT.name()))))
        .map(v -> id)
        .recover(failure -> {
          if (failure instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())) {
            return Future.failedFuture(new ServiceException(FailureCode.CONFLICT,
                "A tenant with this name already exists."));
          }
          return Future.failedFuture(failure);
        });
  }

  public Future<Optional<Principal>> findByKeyHash(String keyHash) {
    return pool.preparedQuery(FIND_BY_KEY).execute(Tuple.of(keyHash)).map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      Row row = rows.iterator().next();
      return Optional.of(new Principal(row.getUUID("tenant_id").toString(), Role.valueOf(row.getString("role"))));
    });
  }
}
