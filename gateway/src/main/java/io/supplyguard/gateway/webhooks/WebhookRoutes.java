package io.supplyguard.gateway.webhooks;

import io.supplyguard.common.bus.ServiceException;
import io.supplyguard.gateway.auth.Authenticator;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.ValidatedRequest;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The tenant's webhooks: register (the secret is made here and shown once), list, read,
 * delete, and read the delivery log. Another tenant's webhook is a 404, as if it were not.
 */
public final class WebhookRoutes {
  private final WebhookRepository webhooks;
  private final DeliveryRepository deliveries;
  private final HostCheck hosts;

  WebhookRoutes(WebhookRepository webhooks, DeliveryRepository deliveries, HostCheck hosts) {
    this.webhooks = webhooks;
    this.deliveries = deliveries;
    this.hosts = hosts;
  }

  public void create(RoutingContext ctx) {
    JsonObject body = validated(ctx).getBody().getJsonObject();
    String url = body.getString("url");
    List<String> events = body.getJsonArray("events").stream().map(String.class::cast).toList();
    Optional<String> malformed = WebhookUrl.problem(url);
    if (malformed.isPresent()) {
      ctx.fail(ServiceException.invalidField("url", malformed.get()));
      return;
    }
    String secret = WebhookSignature.newSecret();
    hosts.problem(url)
        .compose(refused -> refused.isPresent()
            ? Future.failedFuture(ServiceException.invalidField("url", refused.get()))
            : webhooks.create(tenant(ctx), url, events, secret))
        // The only time the secret is shown.
        .onSuccess(created -> answer(ctx, 201, created.put("secret", secret)))
        .onFailure(ctx::fail);
  }

  public void list(RoutingContext ctx) {
    webhooks.list(tenant(ctx))
        .onSuccess(all -> answer(ctx, 200, new JsonObject().put("webhooks", new JsonArray(all))))
        .onFailure(ctx::fail);
  }

  public void get(RoutingContext ctx) {
    webhooks.find(tenant(ctx), id(ctx))
        .compose(WebhookRoutes::orNotFound)
        .onSuccess(webhook -> answer(ctx, 200, webhook))
        .onFailure(ctx::fail);
  }

  public void delete(RoutingContext ctx) {
    webhooks.delete(tenant(ctx), id(ctx))
        .compose(deleted -> deleted ? Future.succeededFuture() : Future.failedFuture(ServiceException.notFound("The webhook")))
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  public void deliveries(RoutingContext ctx) {
    UUID tenant = tenant(ctx);
    UUID id = id(ctx);
    int limit = Optional.ofNullable(validated(ctx).getQuery().get("limit"))
        .filter(p -> !p.isNull()).map(RequestParameter::getInteger).orElse(100);
    webhooks.find(tenant, id)
        .compose(WebhookRoutes::orNotFound)
        .compose(webhook -> deliveries.log(tenant, id, limit))
        .onSuccess(log -> answer(ctx, 200, new JsonObject().put("deliveries", new JsonArray(log))))
        .onFailure(ctx::fail);
  }

  private static Future<JsonObject> orNotFound(Optional<JsonObject> webhook) {
    return webhook.map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(ServiceException.notFound("The webhook")));
  }

  private static UUID tenant(RoutingContext ctx) {
    return UUID.fromString(Authenticator.principal(ctx).tenantId());
  }

  private static UUID id(RoutingContext ctx) {
    return UUID.fromString(validated(ctx).getPathParameters().get("id").getString());
  }

  private static ValidatedRequest validated(RoutingContext ctx) {
    return ctx.get(RouterBuilder.KEY_META_DATA_VALIDATED_REQUEST);
  }

  private static void answer(RoutingContext ctx, int status, JsonObject json) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(json.encode());
  }
}
