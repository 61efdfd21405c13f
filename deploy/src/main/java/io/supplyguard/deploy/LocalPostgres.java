package io.supplyguard.deploy;

import io.supplyguard.deploy.postgres.PostgresBinaries;
import io.supplyguard.deploy.postgres.PostgresCommands;
import io.supplyguard.deploy.postgres.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL of the local platform ({@code bin/platform up}): a real server from a Maven
 * artifact, its data kept in {@code PLATFORM_PG_DATA} across runs. It announces readiness by
 * writing its port to {@code PLATFORM_PG_READY_FILE}; it stops the server on SIGTERM, and also
 * when the process that started it dies, so that no server outlives the platform.
 */
public final class LocalPostgres {
  private static final Logger LOG = LoggerFactory.getLogger(LocalPostgres.class);

  private LocalPostgres() {
  }

  public static void main(String[] args) throws Exception {
    Path dataDir = Path.of(env("PLATFORM_PG_DATA", ".data/pg")).toAbsolutePath().normalize();
    Path readyFile = Path.of(env("PLATFORM_PG_READY_FILE", dataDir.resolveSibling("postgres.ready").toString()));
    Path cache = Path.of(env("PLATFORM_PG_BINARIES", Path.of(System.getProperty("java.io.tmpdir"), "supplyguard-pg")
        .toString()));
    int port = Integer.parseInt(env("PLATFORM_PG_PORT", "55432"));
    Files.deleteIfExists(readyFile);

    PostgresServer server;
    try {
      PostgresCommands commands = new PostgresCommands(PostgresBinaries.prepare(cache));
      server = PostgresServer.start(commands, dataDir, port, settings(), Duration.ofSeconds(120));
    } catch (IOException e) {
      LOG.error("PostgreSQL not started: {}", e.getMessage());
      System.exit(1);
      return;
    }

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        Files.deleteIfExists(readyFile);
        server.stop();
      } catch (IOException | InterruptedException e) {
        LOG.warn("PostgreSQL did not stop cleanly", e);
      } finally {
        stopped.countDown();
      }
    }, "postgres-shutdown"));
    stopWithParent(server);

    Files.writeString(readyFile, String.valueOf(port));
    LOG.info("PostgreSQL ready on 127.0.0.1:{} (pid {}) with data in {}", port, server.pid(), dataDir);
    stopped.await();
  }

  /** Users' data: durable commits. zonky's defaults (fsync off) are for throwaway test databases. */
  private static Map<String, String> settings() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("fsync", "on");
    settings.put("synchronous_commit", "on");
    settings.put("full_page_writes", "on");
    settings.put("listen_addresses", "127.0.0.1");
    // TCP only: a Unix socket would collide with another server's on the same port number.
    settings.put("unix_socket_directories", "");
    settings.put("max_connections", "200");
    return settings;
  }

  /**
   * Exits (and so stops the server through the shutdown hook) when the process that started this
   * one is gone, or when the server itself dies: a killed {@code bin/platform} leaves nothing behind.
   */
  private static void stopWithParent(PostgresServer server) {
    ProcessHandle parent = ProcessHandle.current().parent().orElse(null);
    Thread watcher = new Thread(() -> {
      while (true) {
        if (parent != null && !parent.isAlive()) {
          LOG.warn("The process that started PostgreSQL is gone; stopping PostgreSQL");
          System.exit(0);
        }
        if (!server.isRunning()) {
          LOG.error("PostgreSQL exited by itself; its own messages are above");
          System.exit(1);
        }
        try {
          Thread.sleep(500);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "postgres-watch");
    watcher.setDaemon(true);
    watcher.start();
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
