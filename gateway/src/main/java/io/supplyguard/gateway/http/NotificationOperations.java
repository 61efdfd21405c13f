package io.supplyguard.gateway.http;

import io.supplyguard.common.bus.Role;
import io.supplyguard.gateway.auth.Authenticator;
import io.supplyguard.gateway.notifications.NotificationsVerticle;
import io.supplyguard.gateway.webhooks.WebhookRoutes;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;

/** Change notifications: the SSE stream (any role) and the tenant's webhooks (TENANT). */
final class NotificationOperations extends Operations {

  private NotificationOperations() {
  }

  static void bind(RouterBuilder builder, NotificationsVerticle notifications) {
    Handler<RoutingContext> tenant = Authenticator.require(Role.TENANT);
    WebhookRoutes webhooks = notifications.webhookRoutes();

    bind(builder, "streamEvents", notifications.eventsRoute());
    bind(builder, "createWebhook", tenant, webhooks::create);
    bind(builder, "listWebhooks", tenant, webhooks::list);
    bind(builder, "getWebhook", tenant, webhooks::get);
    bind(builder, "deleteWebhook", tenant, webhooks::delete);
    bind(builder, "listWebhookDeliveries", tenant, webhooks::deliveries);
  }
}
