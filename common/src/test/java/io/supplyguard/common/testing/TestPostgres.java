package io.supplyguard.common.testing;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL for tests: one embedded server per test JVM, and a fresh database for
 * each caller, so that test classes never see each other's rows.
 */
public final class TestPostgres {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres server;

  private TestPostgres() {
  }

  public static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          server.close();
        } catch (IOException ignored) {
          // The JVM is going away; the server's temporary directory goes with it.
        }
      }));
    }
    return server;
  }

  /** A pool on a database made by {@link #newDatabase()}, to look at what a service stored. */
  public static Pool pool(Vertx vertx, JsonObject database) {
    return pool(vertx, database, "public");
  }

  /** The same, working in {@code schema} as the service that owns it does. */
  public static Pool pool(Vertx vertx, JsonObject database, String schema) {
    return PgBuilder.pool().connectingTo(new PgConnectOptions().setHost(database.getString("PGHOST"))
        .setPort(Integer.parseInt(database.getString("PGPORT"))).setDatabase(database.getString("PGDATABASE"))
        .setUser(database.getString("PGUSER")).setPassword("").addProperty("search_path", schema))
        .using(vertx).build();
  }

  /** Creates an empty database and returns the settings (PG* keys) that reach it. */
  public static JsonObject newDatabase() {
    String name = "test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    try (Connection connection = server().getPostgresDatabase().getConnection();
         Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create test database " + name, e);
    }
    return new JsonObject()
        .put("PGHOST", "127.0.0.1")
        .put("PGPORT", String.valueOf(server().getPort()))
        .put("PGDATABASE", name)
        .put("PGUSER", "postgres")
        .put("PGPASSWORD", "");
  }
}
