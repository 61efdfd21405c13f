package io.supplyguard.deploy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL of the local platform ({@code bin/platform up}): a real server from a Maven
 * artifact, its data kept in {@code PLATFORM_PG_DATA} across runs. It announces readiness by
 * writing its port to {@code PLATFORM_PG_READY_FILE}, and stops cleanly on SIGTERM.
 */
public final class LocalPostgres {
  private static final Logger LOG = LoggerFactory.getLogger(LocalPostgres.class);

  private LocalPostgres() {
  }

  public static void main(String[] args) throws Exception {
    Path dataDir = Path.of(env("PLATFORM_PG_DATA", ".data/pg")).toAbsolutePath();
    Path readyFile = Path.of(env("PLATFORM_PG_READY_FILE", dataDir.resolveSibling("postgres.ready").toString()));
    int port = Integer.parseInt(env("PLATFORM_PG_PORT", "55432"));
    Files.deleteIfExists(readyFile);
    Files.createDirectories(dataDir);

    EmbeddedPostgres postgres = EmbeddedPostgres.builder()
        .setDataDirectory(dataDir)
        .setCleanDataDirectory(false)
        .setPort(port)
        // zonky starts the server for throwaway tests (fsync off, asynchronous commit): this one
        // keeps users' data, so a crash must not lose an acknowledged commit.
        .setServerConfig("fsync", "on")
        .setServerConfig("synchronous_commit", "on")
        .setServerConfig("full_page_writes", "on")
        .setServerConfig("listen_addresses", "127.0.0.1")
        .setServerConfig("max_connections", "200")
        .start();

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        Files.deleteIfExists(readyFile);
        postgres.close();
        LOG.info("PostgreSQL stopped");
      } catch (IOException e) {
        LOG.warn("PostgreSQL did not stop cleanly", e);
      } finally {
        stopped.countDown();
      }
    }, "postgres-shutdown"));

    Files.writeString(readyFile, String.valueOf(postgres.getPort()));
    LOG.info("PostgreSQL ready on 127.0.0.1:{} with data in {}", postgres.getPort(), dataDir);
    stopped.await();
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
