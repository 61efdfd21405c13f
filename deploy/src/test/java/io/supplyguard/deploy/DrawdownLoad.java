package io.supplyguard.deploy;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Continuous drawdowns of 1 kg through the gateway from several clients at once, each with a
 * shipment reference of its own, recording which the platform acknowledged (201) and which
 * failed, and when.
 */
final class DrawdownLoad implements AutoCloseable {
  /** A request that did not get its 201: when it was answered, and how. */
  record Failure(String shipmentRef, long atNanos, String outcome) {
  }

  private final Platform platform;
  private final String key;
  private final String licenceId;
  private final ExecutorService clients;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicInteger sequence = new AtomicInteger();
  final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
  final Map<String, Failure> failed = new ConcurrentHashMap<>();
  final Map<String, Long> acknowledgedAt = new ConcurrentHashMap<>();

  DrawdownLoad(Platform platform, String key, String licenceId, int clients) {
    this.platform = platform;
    this.key = key;
    this.licenceId = licenceId;
    this.clients = Executors.newFixedThreadPool(clients);
    for (int i = 0; i < clients; i++) {
      this.clients.submit(this::drawUntilStopped);
    }
  }

  private void drawUntilStopped() {
    while (running.get()) {
      String ref = "LOAD-" + sequence.incrementAndGet();
      try {
        HttpResponse<String> response = platform.api("POST", "/api/v1/licences/" + licenceId + "/drawdowns", key,
            "{\"quantityKg\": 1, \"shipmentRef\": \"" + ref + "\"}");
        if (response.statusCode() == 201) {
          acknowledged.add(ref);
          acknowledgedAt.put(ref, System.nanoTime());
        } else {
          failed.put(ref, new Failure(ref, System.nanoTime(), String.valueOf(response.statusCode())));
        }
      } catch (Exception e) {
        failed.put(ref, new Failure(ref, System.nanoTime(), e.getClass().getSimpleName()));
      }
    }
  }

  List<Failure> failuresAfter(long nanos) {
    return failed.values().stream().filter(f -> f.atNanos() > nanos).toList();
  }

  long acknowledgedAfter(long nanos) {
    return acknowledgedAt.values().stream().filter(t -> t > nanos).count();
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    clients.shutdown();
    clients.awaitTermination(60, TimeUnit.SECONDS);
  }
}
