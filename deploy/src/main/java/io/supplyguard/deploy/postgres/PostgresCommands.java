package io.supplyguard.deploy.postgres;

import io.zonky.test.db.postgres.util.LinuxUtils;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command lines of PostgreSQL's programs in an unpacked folder. PostgreSQL refuses to run as
 * root; as root (a container, CI) each program runs in a user namespace of its own
 * ({@code unshare -U}), as zonky does, where it is not root.
 */
public final class PostgresCommands {
  private final Path binaries;
  private final boolean unshare;

  public PostgresCommands(Path binaries) {
    this.binaries = binaries;
    this.unshare = LinuxUtils.isUnshareAvailable();
  }

  ProcessBuilder initdb(Path dataDir) {
    return new ProcessBuilder(command("initdb", List.of("-A", "trust", "-U", "postgres", "-E", "UTF-8",
        "-D", dataDir.toString())));
  }

  ProcessBuilder postgres(Path dataDir, int port, Map<String, String> settings) {
    List<String> arguments = new ArrayList<>(List.of("-D", dataDir.toString(), "-p", Integer.toString(port)));
    settings.forEach((name, value) -> {
      arguments.add("-c");
      arguments.add(name + "=" + value);
    });
    return new ProcessBuilder(command("postgres", arguments));
  }

  private List<String> command(String program, List<String> arguments) {
    List<String> command = new ArrayList<>();
    if (unshare) {
      command.addAll(List.of("unshare", "-U"));
    }
    command.add(binaries.resolve("bin").resolve(program).toString());
    command.addAll(arguments);
    return command;
  }
}
