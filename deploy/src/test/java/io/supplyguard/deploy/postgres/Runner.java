package io.supplyguard.deploy.postgres;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The local PostgreSQL runner's jar in its own JVM, as bin/platform starts it (96 MB of heap),
 * with a temporary directory, data directory and port of its own.
 */
final class Runner implements AutoCloseable {
  /** The jar under test; {@code -Dlocal.postgres.jar=} runs these tests against another build of it. */
  static final Path JAR = Path.of(System.getProperty("local.postgres.jar",
      Path.of(System.getProperty("project.root", ".."), "deploy", "target", "local-postgres.jar").toString()));

  private final Process process;
  private final Path data;
  private final Path ready;
  private final Path log;
  private final int port;

  private Runner(Process process, Path data, Path ready, Path log, int port) {
    this.process = process;
    this.data = data;
    this.ready = ready;
    this.log = log;
    this.port = port;
  }

  /** Starts the runner; {@code wrapper} (for example a shell) goes before the java command if given. */
  static Runner start(Path tmpdir, Path home, int port, List<String> wrapper) throws IOException {
    Files.createDirectories(tmpdir); // a fresh machine's temporary directory: there, and empty
    Files.createDirectories(home);
    Path ready = home.resolve("postgres.ready");
    Path log = home.resolve("runner.log");
    List<String> command = new ArrayList<>(wrapper);
    command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Djava.io.tmpdir=" + tmpdir, "-Xmx96m", "-XX:+UseSerialGC", "-jar", JAR.toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().put("PLATFORM_PG_DATA", home.resolve("pg").toString());
    builder.environment().put("PLATFORM_PG_READY_FILE", ready.toString());
    builder.environment().put("PLATFORM_PG_PORT", Integer.toString(port));
    return new Runner(builder.start(), home.resolve("pg"), ready, log, port);
  }

  static Runner start(Path tmpdir, Path home, int port) throws IOException {
    return start(tmpdir, home, port, List.of());
  }

  Runner awaitReady() {
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() -> {
      if (!process.isAlive() && !Files.exists(ready)) {
        throw new AssertionError("runner exited with " + process.exitValue() + ":\n" + log());
      }
      return Files.exists(ready);
    });
    return this;
  }

  /** The postmaster's pid, from the data directory's lock file. */
  long postmasterPid() throws IOException {
    return DataDirectory.postmasterPid(data);
  }

  Path data() {
    return data;
  }

  int port() {
    return port;
  }

  Process process() {
    return process;
  }

  String log() throws IOException {
    return Files.readString(log);
  }

  /** SIGTERM and the exit code, or -1 if the runner did not end within {@code seconds}. */
  int terminate(long seconds) throws InterruptedException {
    process.destroy();
    return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : -1;
  }

  @Override
  public void close() throws Exception {
    long pm = postmasterPid();
    if (process.isAlive() && terminate(60) == -1) {
      process.destroyForcibly();
    }
    // Whatever a failed test left, no server of its may outlive it.
    if (pm > 0) {
      ProcessHandle.of(pm).ifPresent(ProcessHandle::destroyForcibly);
    }
  }
}
