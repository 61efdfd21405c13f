package io.supplyguard.common.db;

import io.supplyguard.common.bootstrap.ServiceContext;
import io.supplyguard.common.config.DbConfig;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.ext.healthchecks.Status;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service's database: its schema brought up to date by the Flyway migrations under
 * {@code classpath:db/migration/<schema>}, then a reactive pool that works in that schema and
 * a readiness check that fails while PostgreSQL cannot be reached.
 */
public final class Database {
  private static final Logger LOG = LoggerFactory.getLogger(Database.class);
  private static final Duration RETRY_INTERVAL = Duration.ofSeconds(1);

  private Database() {
  }

  /**
   * Migrates, retrying while PostgreSQL is not yet reachable (it may be starting beside us),
   * then opens the pool and registers the {@code database} readiness check.
   */
  public static Future<Pool> open(ServiceContext context, String schema) {
    DbConfig config = DbConfig.from(context.settings(), schema);
    Duration patience = context.settings().millis("PG_CONNECT_RETRY_MS");
    long deadline = System.nanoTime() + patience.toNanos();
    return migrate(context.vertx(), config, deadline).map(v -> {
      Pool pool = PgBuilder.pool()
          .with(new PoolOptions().setMaxSize(config.poolSize()).setName(config.schema()))
          .connectingTo(config.connect())
          .using(context.vertx())
          .build();
      context.readiness().register("database", 2_000, promise -> check(pool, promise));
      return pool;
    });
  }

  private static Future<Void> migrate(Vertx vertx, DbConfig config, long deadline) {
    return vertx.<Void>executeBlocking(() -> {
      flyway(config).migrate();
      return null;
    }, false).recover(failure -> {
      // Only an unreachable server is worth waiting for; a bad migration fails the start at once.
      if (!DatabaseFailures.isUnavailable(failure) || System.nanoTime() > deadline) {
        return Future.failedFuture(failure);
      }
      LOG.warn("PostgreSQL at {}:{} not reachable yet ({}); retrying", config.connect().getHost(),
          config.connect().getPort(), failure.getMessage());
      Promise<Void> retried = Promise.promise();
      vertx.setTimer(RETRY_INTERVAL.toMillis(), t -> migrate(vertx, config, deadline).onComplete(retried));
      return retried.future();
    });
  }

  private static Flyway flyway(DbConfig config) {
    return Flyway.configure()
        .dataSource(config.jdbcUrl(), config.connect().getUser(), config.connect().getPassword())
        .schemas(config.schema())
        .defaultSchema(config.schema())
        .createSchemas(true)
        .locations("classpath:db/migration/" + config.schema())
        .connectRetries(0)
        .load();
  }

  private static void check(Pool pool, Promise<Status> promise) {
    pool.query("SELECT 1").execute()
        .onSuccess(rows -> promise.tryComplete(Status.OK()))
        .onFailure(failure -> promise.tryComplete(Status.KO()));
  }
}
