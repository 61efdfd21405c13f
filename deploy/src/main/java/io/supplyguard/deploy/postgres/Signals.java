package io.supplyguard.deploy.postgres;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Signals by name. PostgreSQL reads SIGINT as a fast shutdown and SIGQUIT as an immediate one;
 * Java sends only SIGTERM (a smart shutdown, which waits for every client) and SIGKILL.
 */
final class Signals {
  private Signals() {
  }

  static void send(long pid, String signal) throws InterruptedException {
    try {
      new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(5, TimeUnit.SECONDS);
    } catch (IOException e) {
      // No kill(1): the caller's next step (waiting, then SIGKILL through Java) still ends the process.
    }
  }
}
