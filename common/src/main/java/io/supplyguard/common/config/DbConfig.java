package io.supplyguard.common.config;

import io.vertx.pgclient.PgConnectOptions;

/**
 * Where a service's PostgreSQL is: {@code PG_URL} (postgresql://user:password@host:port/db)
 * when set, otherwise the standard libpq variables PGHOST, PGPORT, PGDATABASE, PGUSER,
 * PGPASSWORD. The schema is the service's own.
 */
public record DbConfig(PgConnectOptions connect, String schema, int poolSize) {

  public static DbConfig from(Settings settings, String schema) {
    PgConnectOptions connect = settings.optional("PG_URL")
        .map(DbConfig::fromUrl)
        .orElseGet(() -> new PgConnectOptions()
            .setHost(settings.string("PGHOST"))
            .setPort(settings.port("PGPORT"))
            .setDatabase(settings.string("PGDATABASE"))
            .setUser(settings.string("PGUSER"))
            .setPassword(settings.optional("PGPASSWORD").orElse("")));
    connect.addProperty("application_name", settings.string("SERVICE_NAME"));
    connect.addProperty("search_path", schema);
    // Statements are parsed and planned once per connection rather than on every execution;
    // the limit admits the longest statement here (a recompute page's store).
    connect.setCachePreparedStatements(true).setPreparedStatementCacheSqlLimit(8192);
    return new DbConfig(connect, schema, settings.integer("PG_POOL_SIZE"));
  }

  private static PgConnectOptions fromUrl(String url) {
    try {
      return PgConnectOptions.fromUri(url);
    } catch (RuntimeException e) {
      // Never echo the URL: it may hold a password.
      throw new InvalidConfigException("PG_URL", "is not a postgresql:// URL");
    }
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://" + connect.getHost() + ":" + connect.getPort() + "/" + connect.getDatabase();
  }
}
