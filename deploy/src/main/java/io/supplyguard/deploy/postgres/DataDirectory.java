package io.supplyguard.deploy.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A PostgreSQL data directory: created whole or not at all, and read for its postmaster's pid. */
final class DataDirectory {
  private static final Logger LOG = LoggerFactory.getLogger(DataDirectory.class);

  private DataDirectory() {
  }

  /**
   * Runs initdb unless {@code data} already holds a cluster. initdb writes into a folder beside it
   * that is renamed into place when done, so a start killed during initdb leaves nothing half made.
   */
  static void initialiseIfNeeded(PostgresCommands commands, Path data) throws IOException, InterruptedException {
    if (Files.exists(data.resolve("PG_VERSION"))) {
      return;
    }
    if (Files.isDirectory(data)) {
      try (Stream<Path> entries = Files.list(data)) {
        if (entries.findAny().isPresent()) {
          throw new IOException(data + " is neither empty nor a PostgreSQL data directory; move it away"
              + " or choose another PLATFORM_PG_DATA. Nothing was started.");
        }
      }
      Files.delete(data);
    }
    Files.createDirectories(data.getParent());
    Path fresh = data.resolveSibling(data.getFileName() + ".initdb-" + ProcessHandle.current().pid());
    PostgresBinaries.deleteTree(fresh);
    LOG.info("Creating a PostgreSQL cluster in {}", data);
    Process initdb = commands.initdb(fresh).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.INHERIT)
        .start();
    if (!initdb.waitFor(120, TimeUnit.SECONDS) || initdb.exitValue() != 0) {
      initdb.destroyForcibly();
      PostgresBinaries.deleteTree(fresh);
      throw new IOException("initdb failed for " + data + "; its own messages are above");
    }
    Files.move(fresh, data);
  }

  /** The pid in {@code postmaster.pid}, or -1 when no server has it locked. */
  static long postmasterPid(Path data) throws IOException {
    try {
      List<String> lines = Files.readAllLines(data.resolve("postmaster.pid"));
      return lines.isEmpty() || !lines.get(0).strip().matches("[0-9]{1,10}") ? -1 : Long.parseLong(lines.get(0).strip());
    } catch (NoSuchFileException none) {
      return -1;
    }
  }
}
