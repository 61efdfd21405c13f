package io.supplyguard.deploy.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner of bin/platform's PostgreSQL as a newcomer's machine meets it: an empty
 * java.io.tmpdir, another PostgreSQL already on the port, a stop under write load, a server that
 * will not stop, a parent that dies. After each, no process of it may remain.
 */
class LocalPostgresIT {
  @TempDir
  Path dir;

  @Test
  @DisplayName("a runner killed in the middle of unpacking leaves nothing that stops the next one, on an empty tmpdir")
  void killedMidUnpack() throws Exception {
    Path tmp = dir.resolve("tmp");
    Files.createDirectories(tmp);
    try (Runner first = Runner.start(tmp, dir.resolve("a"), freePort())) {
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
          .until(() -> cacheEntries(tmp).anyMatch(n -> n.contains(".partial-")));
      first.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    assertThat(cacheEntries(tmp)).anyMatch(n -> n.contains(".partial-"));
    try (Runner second = Runner.start(tmp, dir.resolve("a"), freePort()).awaitReady()) {
      assertServes(second);
    }
  }

  @Test
  @DisplayName("two runners at once on one empty tmpdir, other data directories and ports: both start, each on its own data")
  void twoAtOnce() throws Exception {
    Path tmp = dir.resolve("tmp");
    Files.createDirectories(tmp);
    try (Runner a = Runner.start(tmp, dir.resolve("a"), freePort());
        Runner b = Runner.start(tmp, dir.resolve("b"), freePort())) {
      a.awaitReady();
      b.awaitReady();
      assertServes(a);
      assertServes(b);
      assertThat(cacheEntries(tmp).filter(n -> n.startsWith("PG-") && !n.contains("."))).hasSize(1);
    }
  }

  @Test
  @DisplayName("a port held by another PostgreSQL is refused with a clear error, nothing started; the other keeps its data")
  void portHeldByAnotherPostgres() throws Exception {
    Path tmp = dir.resolve("tmp");
    int port = freePort();
    try (Runner other = Runner.start(tmp, dir.resolve("other"), port).awaitReady();
        Runner mine = Runner.start(tmp, dir.resolve("mine"), port)) {
      assertThat(mine.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(mine.process().exitValue()).isEqualTo(1);
      assertThat(mine.log()).contains("PostgreSQL not started: port 127.0.0.1:" + port + " is already in use")
          .doesNotContain("ready on").doesNotContain("Exception");
      assertThat(mine.data()).doesNotExist();
      assertServes(other);
    }
  }

  @Test
  @DisplayName("the identity check refuses a server on the port that serves another data directory or is another process")
  void identityCheck() throws Exception {
    try (Runner other = Runner.start(dir.resolve("tmp"), dir.resolve("other"), freePort()).awaitReady()) {
      Path mine = Files.createDirectories(dir.resolve("mine"));
      assertThatThrownBy(() -> PostgresServer.verifyIdentity(other.port(), mine, other.postmasterPid()))
          .isInstanceOf(PostgresServer.ForeignServerException.class)
          .hasMessageContaining("serving " + other.data().toRealPath()).hasMessageContaining("not this platform's");
      assertThatThrownBy(() -> PostgresServer.verifyIdentity(other.port(), other.data(), other.postmasterPid() + 1))
          .isInstanceOf(PostgresServer.ForeignServerException.class).hasMessageContaining("not as the server");
      PostgresServer.verifyIdentity(other.port(), other.data(), other.postmasterPid());
    }
  }

  @Test
  @DisplayName("SIGTERM under 16 writing clients: the runner ends, no process remains, every acknowledged row is kept")
  void termUnderWriteLoad() throws Exception {
    Path tmp = dir.resolve("tmp");
    int port = freePort();
    AtomicLong acknowledged = new AtomicLong();
    long postmaster;
    try (Runner runner = Runner.start(tmp, dir.resolve("a"), port).awaitReady()) {
      postmaster = runner.postmasterPid();
      sql(port, "CREATE TABLE load (id bigserial PRIMARY KEY, client int, payload text)");
      AtomicBoolean writing = new AtomicBoolean(true);
      ExecutorService clients = Executors.newFixedThreadPool(16);
      for (int c = 0; c < 16; c++) {
        int client = c;
        clients.submit(() -> write(port, client, writing, acknowledged));
      }
      await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.get() > 2_000);
      Thread.sleep(10_000); // the stop that failed came about 17 s after ready, with buffers dirty
      long before = acknowledged.get();
      await().atMost(Duration.ofSeconds(5)).until(() -> acknowledged.get() > before); // still writing
      assertThat(runner.terminate(60)).as("runner exit code after SIGTERM").isNotEqualTo(-1);
      writing.set(false);
      clients.shutdown();
      assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
      assertNothingLeft(runner, postmaster, true);
    }
    try (Runner again = Runner.start(tmp, dir.resolve("a"), port).awaitReady()) {
      assertThat(count(port, "SELECT count(*) FROM load")).isGreaterThanOrEqualTo(acknowledged.get());
    }
  }

  @Test
  @DisplayName("a server that will not stop (SIGSTOPped) is stopped immediately, then killed with its processes")
  void serverThatWillNotStop() throws Exception {
    try (Runner runner = Runner.start(dir.resolve("tmp"), dir.resolve("a"), freePort()).awaitReady()) {
      long postmaster = runner.postmasterPid();
      new ProcessBuilder("kill", "-STOP", Long.toString(postmaster)).start().waitFor();
      assertThat(runner.terminate(60)).as("runner exit code after SIGTERM").isNotEqualTo(-1);
      assertThat(runner.log()).contains("did not finish a fast shutdown").contains("killing it");
      assertNothingLeft(runner, postmaster, false);
    }
    // The killed server's lock file is left behind; the next start sees through it and recovers.
    try (Runner again = Runner.start(dir.resolve("tmp"), dir.resolve("a"), freePort()).awaitReady()) {
      assertServes(again);
    }
  }

  @Test
  @DisplayName("the process that started the runner killed with SIGKILL: the runner stops PostgreSQL and ends")
  void parentKilled() throws Exception {
    try (Runner runner = Runner.start(dir.resolve("tmp"), dir.resolve("a"), freePort(),
        List.of("bash", "-c", "\"$@\" & wait", "parent")).awaitReady()) {
      long postmaster = runner.postmasterPid();
      List<ProcessHandle> children = runner.process().children().toList();
      assertThat(children).hasSize(1);
      runner.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      await().atMost(Duration.ofSeconds(40)).until(() -> !children.get(0).isAlive());
      assertThat(runner.log()).contains("The process that started PostgreSQL is gone");
      assertNothingLeft(runner, postmaster, true);
    }
  }

  private static void assertNothingLeft(Runner runner, long postmaster, boolean shutDownCleanly) throws IOException {
    await().atMost(Duration.ofSeconds(10)).until(() -> ProcessHandle.of(postmaster).isEmpty());
    String data = runner.data().toString();
    List<String> left = ProcessHandle.allProcesses()
        .filter(p -> p.info().arguments().map(a -> String.join(" ", a).contains(data)).orElse(false))
        .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList();
    assertThat(left).as("processes still naming " + data).isEmpty();
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), runner.port()));
    }
    if (shutDownCleanly) {
      assertThat(runner.data().resolve("postmaster.pid")).doesNotExist();
    }
  }

  private static void assertServes(Runner runner) throws Exception {
    PostgresServer.verifyIdentity(runner.port(), runner.data(), runner.postmasterPid());
    assertThat(count(runner.port(), "SELECT 1")).isEqualTo(1);
  }

  private static void write(int port, int client, AtomicBoolean writing, AtomicLong acknowledged) {
    try (Connection connection = PostgresServer.connect(port);
        PreparedStatement insert = connection.prepareStatement("INSERT INTO load (client, payload) VALUES (?, ?)")) {
      String payload = "x".repeat(2_000);
      while (writing.get()) {
        insert.setInt(1, client);
        insert.setString(2, payload);
        insert.executeUpdate();
        acknowledged.incrementAndGet();
      }
    } catch (SQLException stopped) {
      // The server going away under the client is the point of the test.
    }
  }

  private static void sql(int port, String statement) throws SQLException {
    try (Connection connection = PostgresServer.connect(port); Statement s = connection.createStatement()) {
      s.execute(statement);
    }
  }

  private static long count(int port, String query) throws SQLException {
    try (Connection connection = PostgresServer.connect(port); Statement s = connection.createStatement();
        ResultSet rows = s.executeQuery(query)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static Stream<String> cacheEntries(Path tmp) throws IOException {
    Path cache = tmp.resolve("supplyguard-pg");
    if (!Files.isDirectory(cache)) {
      return Stream.empty();
    }
    try (Stream<Path> entries = Files.list(cache)) {
      return entries.map(p -> p.getFileName().toString()).toList().stream();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
