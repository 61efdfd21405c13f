package io.supplyguard.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One service jar running in its own JVM, as bin/platform starts it, with its log in a file. */
final class ServiceProcess implements AutoCloseable {
  private final String name;
  private final ProcessBuilder builder;
  private final Process process;
  private final Path log;

  private ServiceProcess(String name, ProcessBuilder builder, Process process, Path log) {
    this.name = name;
    this.builder = builder;
    this.process = process;
    this.log = log;
  }

  static ServiceProcess start(Path root, String module, String instance, Map<String, String> env, Path logDir)
      throws IOException {
    Path jar = root.resolve(module).resolve("target").resolve(module + ".jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("Build the jars first: " + jar + " is missing");
    }
    Files.createDirectories(logDir);
    Path log = logDir.resolve(instance + ".log");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx192m", "-XX:+UseSerialGC", "-jar", jar.toString()));
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().putAll(env);
    return new ServiceProcess(instance, builder, builder.start(), log);
  }

  /** The same jar started again with the same environment, its log added to the first one's. */
  ServiceProcess restarted() throws IOException {
    if (process.isAlive()) {
      throw new IllegalStateException(name + " is still running");
    }
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    return new ServiceProcess(name, builder, builder.start(), log);
  }

  /**
   * The same, with {@code changes} made to its environment first (a null value removes the
   * variable): a setting changed across a restart, as a redeploy would change it.
   */
  ServiceProcess restarted(Map<String, String> changes) throws IOException {
    changes.forEach((variable, value) -> {
      if (value == null) {
        builder.environment().remove(variable);
      } else {
        builder.environment().put(variable, value);
      }
    });
    return restarted();
  }

  /** The process id: how the instance signs what it claims in the database (pid@host/...). */
  long pid() {
    return process.pid();
  }

  /** Waits for the process to end by itself; its exit code, or -1 if it is still running. */
  int exitCode(long seconds) throws InterruptedException {
    return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : -1;
  }

  /** SIGKILL, as a crash or the OOM killer ends a process: no shutdown hook, no goodbye to the cluster. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
  }

  String name() {
    return name;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  String log() throws IOException {
    return Files.readString(log);
  }

  /** SIGTERM, as an orchestrator or Ctrl-C sends it; the exit code, or -1 if it would not stop. */
  int terminate(long seconds) throws InterruptedException {
    process.destroy();
    if (process.waitFor(seconds, TimeUnit.SECONDS)) {
      return process.exitValue();
    }
    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    return -1;
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      terminate(20);
    }
  }
}
