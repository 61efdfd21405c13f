package io.supplyguard.deploy.postgres;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One PostgreSQL server on a data directory of its own, run as a child of this JVM.
 *
 * <p>The server is this process's child, not a daemon started by {@code pg_ctl}, so that this
 * process knows its pid, sees it die, and can always end it: a fast shutdown first, an immediate
 * one if that takes too long (committed data is safe: the next start replays the WAL), SIGKILL
 * last. It refuses a port another process holds, and it checks that the server answering on the
 * port is the one it started on its data directory, not another PostgreSQL left there.
 */
public final class PostgresServer {
  private static final Logger LOG = LoggerFactory.getLogger(PostgresServer.class);
  private static final Duration FAST_SHUTDOWN = Duration.ofSeconds(20);
  private static final Duration IMMEDIATE_SHUTDOWN = Duration.ofSeconds(5);

  private final Process process;
  private final Path dataDir;
  private final int port;

  private PostgresServer(Process process, Path dataDir, int port) {
    this.process = process;
    this.dataDir = dataDir;
    this.port = port;
  }

  /**
   * Starts the server of {@code dataDir} (created with initdb if it holds none) on 127.0.0.1:
   * {@code port} and answers once it accepts connections. Nothing is left running if it fails.
   */
  public static PostgresServer start(PostgresCommands commands, Path dataDir, int port, Map<String, String> settings,
      Duration startupWait) throws IOException, InterruptedException {
    Path data = dataDir.toAbsolutePath().normalize();
    OrphanedServer.stopIfAny(data);
    refuseBusyPort(port);
    DataDirectory.initialiseIfNeeded(commands, data);
    ProcessBuilder builder = commands.postgres(data, port, settings).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.INHERIT);
    PostgresServer server = new PostgresServer(builder.start(), data, port);
    LOG.info("PostgreSQL starting as pid {} on 127.0.0.1:{} with data in {}", server.pid(), port, data);
    try {
      server.awaitReady(startupWait);
    } catch (IOException | InterruptedException | RuntimeException e) {
      server.stop();
      throw e;
    }
    return server;
  }

  public long pid() {
    return process.pid();
  }

  public int port() {
    return port;
  }

  public boolean isRunning() {
    return process.isAlive();
  }

  /** Ends the server and every process it started, whatever it takes. */
  public void stop() throws InterruptedException {
    if (!process.isAlive()) {
      return;
    }
    Signals.send(pid(), "INT");
    if (process.waitFor(FAST_SHUTDOWN.toMillis(), TimeUnit.MILLISECONDS)) {
      LOG.info("PostgreSQL stopped (fast shutdown)");
      return;
    }
    LOG.warn("PostgreSQL did not finish a fast shutdown within {} s; stopping it immediately"
        + " (the next start replays the WAL: no committed data is lost)", FAST_SHUTDOWN.toSeconds());
    Signals.send(pid(), "QUIT");
    if (process.waitFor(IMMEDIATE_SHUTDOWN.toMillis(), TimeUnit.MILLISECONDS)) {
      LOG.info("PostgreSQL stopped (immediate shutdown)");
      return;
    }
    LOG.error("PostgreSQL still running after an immediate shutdown; killing it and its processes");
    process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly().waitFor(IMMEDIATE_SHUTDOWN.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Fails unless the server answering on {@code port} serves {@code dataDir} from the process
   * {@code pid}: zonky took any server that answered on its port for its own.
   */
  public static void verifyIdentity(int port, Path dataDir, long pid) throws IOException {
    String served;
    try (Connection connection = connect(port);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT current_setting('data_directory')")) {
      rows.next();
      served = rows.getString(1);
    } catch (SQLException e) {
      throw new IOException("PostgreSQL on 127.0.0.1:" + port + " could not be asked for its data directory", e);
    }
    Path own = dataDir.toRealPath();
    if (!Path.of(served).toRealPath().equals(own)) {
      throw new ForeignServerException("port " + port + " is answered by a PostgreSQL serving " + served
          + ", not this platform's " + own + "; stop that server or choose another PLATFORM_PG_PORT");
    }
    long recorded = DataDirectory.postmasterPid(own);
    if (recorded != pid) {
      throw new ForeignServerException("the PostgreSQL serving " + own + " runs as pid " + recorded
          + ", not as the server this runner started (pid " + pid + ")");
    }
  }

  private void awaitReady(Duration startupWait) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + startupWait.toNanos();
    SQLException last = null;
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("PostgreSQL exited with code " + process.exitValue() + " before it was ready;"
            + " its own messages are above");
      }
      try (Connection ignored = connect(port)) {
        verifyIdentity(port, dataDir, pid());
        return;
      } catch (SQLException notYet) {
        last = notYet;
      }
      Thread.sleep(100);
    }
    throw new IOException("PostgreSQL was not ready within " + startupWait.toSeconds() + " s", last);
  }

  static Connection connect(int port) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", "postgres");
    properties.setProperty("connectTimeout", "2");
    properties.setProperty("socketTimeout", "10");
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", properties);
  }

  private static void refuseBusyPort(int port) throws IOException {
    try (ServerSocket probe = new ServerSocket()) {
      // As PostgreSQL binds: connections its last run closed (TIME_WAIT) do not hold the port, a listener does.
      probe.setReuseAddress(true);
      probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    } catch (IOException busy) {
      throw new PortInUseException("port 127.0.0.1:" + port + " is already in use by another process"
          + " (another PostgreSQL?); stop it or choose another PLATFORM_PG_PORT. Nothing was started.", busy);
    }
  }

  /** The port is held by another process: nothing was started. */
  public static final class PortInUseException extends IOException {
    PortInUseException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The server answering is not the one this runner started on its data directory. */
  public static final class ForeignServerException extends IOException {
    ForeignServerException(String message) {
      super(message);
    }
  }
}
