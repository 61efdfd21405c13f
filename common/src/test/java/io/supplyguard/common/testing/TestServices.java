package io.supplyguard.common.testing;

import io.supplyguard.common.bootstrap.ServiceDefinition;
import io.supplyguard.common.bootstrap.ServiceHost;
import io.supplyguard.common.config.ConfigLoader;
import io.supplyguard.common.ops.Metrics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;

/** Starts a real service inside the test's Vert.x, the way its jar would, on port 0. */
public final class TestServices {

  private TestServices() {
  }

  /** What the service's management port serves at /metrics, as Prometheus would scrape it. */
  public static String scrape(ServiceHost host) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + host.managementPort() + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  public static Future<ServiceHost> start(Vertx vertx, ServiceDefinition service, JsonObject overrides, Clock clock) {
    JsonObject settings = new JsonObject().put("MANAGEMENT_HOST", "127.0.0.1").put("MANAGEMENT_PORT", "0")
        .mergeIn(overrides);
    return ConfigLoader.load(vertx, service.name(), settings)
        .compose(loaded -> ServiceHost.start(vertx, service, loaded,
            Metrics.registry(loaded.string("SERVICE_NAME")), clock, Map.of()));
  }
}
