package io.supplyguard.gateway;

import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.LoggerFactory;

/**
 * Which event loop served each request, read from the gateway's access log: its line is written
 * on the thread of the HTTP verticle instance that served the request, and carries the request's
 * X-Request-Id. Requests tagged with ids the test makes can so be traced to their instance.
 */
final class ServingThreads implements AutoCloseable {
  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

  private ServingThreads() {
    lines.start();
    requestsLogger().addAppender(lines);
  }

  /** Starts recording the access log; close to stop. */
  static ServingThreads record() {
    return new ServingThreads();
  }

  /** The thread that served the request with {@code requestId}; waits for its access line. */
  String of(String requestId) {
    await().atMost(Duration.ofSeconds(10)).until(() -> find(requestId).isPresent());
    return find(requestId).orElseThrow();
  }

  /** The distinct threads that served these requests. */
  Set<String> of(Collection<String> requestIds) {
    Set<String> threads = new TreeSet<>();
    requestIds.forEach(id -> threads.add(of(id)));
    return threads;
  }

  private Optional<String> find(String requestId) {
    synchronized (lines.list) {
      return lines.list.stream()
          .filter(line -> "http request".equals(line.getFormattedMessage()))
          .filter(line -> requestId.equals(mdc(line).get("requestId")))
          .map(ILoggingEvent::getThreadName)
          .findFirst();
    }
  }

  private static Map<String, String> mdc(ILoggingEvent line) {
    return line.getMDCPropertyMap();
  }

  @Override
  public void close() {
    requestsLogger().detachAppender(lines);
  }

  private static Logger requestsLogger() {
    return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("io.supplyguard.requests");
  }
}
