package io.supplyguard.common.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A command-line tool a test runs (npx, promtool, kubectl...). When it is missing and the
 * tests run as root on Debian, it is installed from the Debian package that provides it.
 * Otherwise the test is skipped with a message naming the tool and why; where
 * {@code SUPPLYGUARD_REQUIRE_TOOLS=1} (as {@code .ci/run} sets it), a missing tool fails the test
 * instead, so that CI never skips a check silently.
 */
public final class ExternalTool {
  public static final String REQUIRE = "SUPPLYGUARD_REQUIRE_TOOLS";

  private final Path executable;

  private ExternalTool(Path executable) {
    this.executable = executable;
  }

  /** The tool on the PATH, or the test skipped (failed under CI) with {@code why} it is needed. */
  public static ExternalTool require(String name, String why) {
    return require(name, null, why);
  }

  /** The same, installing {@code debianPackage} first when the tool is missing and that can be done. */
  public static synchronized ExternalTool require(String name, String debianPackage, String why) {
    Optional<Path> found = onPath(name);
    if (found.isEmpty() && debianPackage != null && installFromDebian(debianPackage)) {
      found = onPath(name);
    }
    if (found.isEmpty()) {
      String message = name + " is not installed, so " + why + " was skipped";
      if ("1".equals(System.getenv(REQUIRE))) {
        throw new AssertionError(message + "; " + REQUIRE + "=1 demands it");
      }
      Assumptions.abort(message + " (install it to run this check)");
    }
    return new ExternalTool(found.get());
  }

  /** apt-get, as root on Debian only; whether it succeeded. */
  private static boolean installFromDebian(String debianPackage) {
    if (!"root".equals(System.getProperty("user.name")) || onPath("apt-get").isEmpty()) {
      return false;
    }
    try {
      ExternalTool apt = new ExternalTool(onPath("apt-get").get());
      if (apt.run(Path.of("."), 600, "install", "-y", "-q", debianPackage).exitCode() == 0) {
        return true;
      }
      // A fresh machine may not have read its package lists yet.
      return apt.run(Path.of("."), 600, "update", "-q").exitCode() == 0
          && apt.run(Path.of("."), 600, "install", "-y", "-q", debianPackage).exitCode() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static Optional<Path> onPath(String name) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** What a run printed (stdout and stderr together) and how it ended. */
  public record Result(int exitCode, String output) {
  }

  /** Starts the tool as a server in {@code dir}, its output to {@code log}; the caller stops it. */
  public Process start(Path dir, Path log, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(List.of(args));
    return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
  }

  /** Runs the tool with {@code args} in {@code dir}; fails if it runs longer than {@code timeoutSeconds}. */
  public Result run(Path dir, long timeoutSeconds, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(List.of(args));
    Path output = Files.createTempFile("tool-", ".out");
    try {
      Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
          .redirectOutput(output.toFile()).start();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + " ran longer than " + timeoutSeconds + " s");
      }
      return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(output);
    }
  }
}
