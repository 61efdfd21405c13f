package io.supplyguard.common.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Tuple;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What vertx-pg-client actually throws when PostgreSQL stops and starts again under a load of
 * transactions: every one of those failures must read as "unavailable" (a 503 to the caller),
 * never as a broken query (a 500). The failures differ with the moment each transaction is
 * caught in, so the server is stopped several times under load.
 */
class DatabaseRestartTest {
  private static final int CLIENTS = 12;
  private static final int RESTARTS = 4;

  @TempDir
  Path data;
  private Vertx vertx;
  private EmbeddedPostgres postgres;

  @AfterEach
  void close() throws Exception {
    if (vertx != null) {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  @DisplayName("every failure while PostgreSQL stops and starts again under transactional load reads as unavailable")
  void failuresWhileTheServerRestarts() throws Exception {
    Path pgData = Files.createDirectories(data.resolve("pg"));
    postgres = start(pgData, 0);
    int port = postgres.getPort();
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
         Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE counter (id int PRIMARY KEY, n bigint NOT NULL)");
      statement.execute("CREATE TABLE entry (id bigserial PRIMARY KEY, counter_id int NOT NULL, at timestamptz)");
      statement.execute("INSERT INTO counter VALUES (1, 0), (2, 0), (3, 0)");
    }
    vertx = Vertx.vertx();
    Pool pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(6))
        .connectingTo(new PgConnectOptions().setHost("127.0.0.1").setPort(port).setDatabase("postgres")
            .setUser("postgres").setPassword("").setCachePreparedStatements(true))
        .using(vertx).build();

    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger succeeded = new AtomicInteger();
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      int counter = 1 + i % 3;
      vertx.runOnContext(v -> loop(pool, counter, running, succeeded, failures));
    }
    for (int restart = 0; restart < RESTARTS; restart++) {
      awaitMore(succeeded, 200);
      postgres.close();
      Thread.sleep(300);   // the outage itself: clients keep trying while nothing listens
      postgres = start(pgData, port);
    }
    awaitMore(succeeded, 200);
    running.set(false);

    Map<String, Integer> kinds = new ConcurrentHashMap<>();
    failures.forEach(f -> kinds.merge(describe(f), 1, Integer::sum));
    org.slf4j.LoggerFactory.getLogger(DatabaseRestartTest.class).info("{} transactions, failures: {}",
        succeeded.get(), kinds);
    assertThat(failures).as("the restarts were felt").isNotEmpty();
    assertThat(failures).as("failures by kind: " + kinds).allMatch(DatabaseFailures::isUnavailable);
  }

  private static void loop(Pool pool, int counter, AtomicBoolean running, AtomicInteger succeeded,
      List<Throwable> failures) {
    if (!running.get()) {
      return;
    }
    pool.withTransaction(tx -> tx.preparedQuery("SELECT n FROM counter WHERE id = $1 FOR UPDATE")
            .execute(Tuple.of(counter))
            .compose(rows -> tx.preparedQuery("INSERT INTO entry (counter_id, at) VALUES ($1, now())")
                .execute(Tuple.of(counter)))
            .compose(rows -> tx.preparedQuery("UPDATE counter SET n = n + 1 WHERE id = $1").execute(Tuple.of(counter)))
            .compose(rows -> Future.succeededFuture()))
        .onSuccess(v -> succeeded.incrementAndGet())
        .onFailure(failures::add)
        // After a failure, wait a little as a caller would, not spin on a server that is away.
        .onComplete(done -> Vertx.currentContext().owner().setTimer(done.succeeded() ? 1 : 20,
            t -> loop(pool, counter, running, succeeded, failures)));
  }

  private static void awaitMore(AtomicInteger succeeded, int more) {
    int target = succeeded.get() + more;
    Awaitility.await("transactions going through again").atMost(Duration.ofSeconds(60))
        .until(() -> succeeded.get() >= target);
  }

  private static String describe(Throwable failure) {
    StringBuilder chain = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      chain.append(chain.length() == 0 ? "" : " <- ").append(t.getClass().getSimpleName()).append(": ")
          .append(t.getMessage());
    }
    return chain.toString();
  }

  private static EmbeddedPostgres start(Path pgData, int port) throws java.io.IOException {
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(pgData)
        .setCleanDataDirectory(false);
    return (port == 0 ? builder : builder.setPort(port)).start();
  }
}
