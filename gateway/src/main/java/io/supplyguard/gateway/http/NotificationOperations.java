package io.supplyguard.gateway.http;

import io.supplyguard.gateway.notifications.NotificationsVerticle;
import io.supplyguard.gateway.webhooks.WebhookRoutes;
import io.vertx.ext.web.openapi.router.RouterBuilder;

/** Change notifications: the SSE stream (any role) and the tenant's webhooks (TENANT); roles in x-roles. */
final class NotificationOperations extends Operations {

  private NotificationOperations() {
  }

  static void bind(RouterBuilder builder, NotificationsVerticle notifications) {
    WebhookRoutes webhooks = notifications.webhookRoutes();

    bind(builder, "streamEvents", notifications.eventsRoute());
    bind(builder, "createWebhook", webhooks::create);
    bind(builder, "listWebhooks", webhooks::list);
    bind(builder, "getWebhook", webhooks::get);
    bind(builder, "deleteWebhook", webhooks::delete);
    bind(builder, "listWebhookDeliveries", webhooks::deliveries);
  }
}
