package io.supplyguard.gateway.webhooks;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;

/** The webhook parts of one replica, built once: the routes tenants call and the delivery worker. */
public final class Webhooks {
  private final WebhookRoutes routes;
  private final DeliveryWorker worker;

  public Webhooks(Vertx vertx, Pool pool, WebhookSettings settings, MeterRegistry metrics) {
    HostCheck hosts = new HostCheck(vertx, settings.allowPrivateAddresses());
    DeliveryRepository deliveries = new DeliveryRepository(pool);
    this.routes = new WebhookRoutes(new WebhookRepository(pool), deliveries, hosts);
    this.worker = new DeliveryWorker(vertx, deliveries, hosts, settings, metrics);
  }

  public WebhookRoutes routes() {
    return routes;
  }

  public DeliveryWorker worker() {
    return worker;
  }
}
