package io.supplyguard.deploy.postgres;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL left running on this data directory by a runner that was killed before it could
 * stop it (SIGKILL, a crash): it holds the directory and its port, so it is stopped before a new
 * server starts. Only a process that is a {@code postgres} named with this directory is touched.
 */
final class OrphanedServer {
  private static final Logger LOG = LoggerFactory.getLogger(OrphanedServer.class);

  private OrphanedServer() {
  }

  static void stopIfAny(Path data) throws IOException, InterruptedException {
    long pid = DataDirectory.postmasterPid(data);
    Optional<ProcessHandle> server = pid <= 0 ? Optional.empty() : ProcessHandle.of(pid).filter(p -> serves(p, data));
    if (server.isEmpty()) {
      return;
    }
    LOG.warn("A PostgreSQL (pid {}) left running on {} by an earlier run; stopping it", pid, data);
    Signals.send(pid, "INT");
    if (!exits(server.get(), 20)) {
      Signals.send(pid, "QUIT");
      if (!exits(server.get(), 5)) {
        server.get().descendants().forEach(ProcessHandle::destroyForcibly);
        server.get().destroyForcibly();
        exits(server.get(), 5);
      }
    }
  }

  private static boolean exits(ProcessHandle process, int seconds) throws InterruptedException {
    try {
      process.onExit().get(seconds, TimeUnit.SECONDS);
      return true;
    } catch (TimeoutException stillRunning) {
      return false;
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean serves(ProcessHandle process, Path data) {
    ProcessHandle.Info info = process.info();
    boolean postgres = info.command().map(c -> c.endsWith("/postgres")).orElse(false);
    boolean onData = info.arguments().map(a -> Arrays.asList(a).contains(data.toString())).orElse(false);
    return postgres && onData;
  }
}
