package io.supplyguard.gateway;

import io.supplyguard.common.bootstrap.ServiceContext;
import io.supplyguard.common.bootstrap.ServiceDefinition;
import io.supplyguard.common.config.DbConfig;
import io.supplyguard.common.db.Database;
import io.supplyguard.gateway.auth.TenantRepository;
import io.supplyguard.gateway.http.GatewayVerticle;
import io.supplyguard.gateway.notifications.NotificationsVerticle;
import io.vertx.core.Future;

/** The gateway: the public HTTP API, and owner of tenants and API keys (schema {@code gateway}). */
public final class GatewayService implements ServiceDefinition {
  public static final String NAME = "gateway";
  static final String SCHEMA = "gateway";

  private GatewayVerticle verticle;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Future<?> start(ServiceContext context) {
    // Fail before touching the database when the one secret the gateway needs is missing.
    context.settings().string("PLATFORM_ADMIN_KEY");
    return Database.open(context, SCHEMA)
        .compose(pool -> {
          NotificationsVerticle notifications = new NotificationsVerticle(context.vertx(), context.settings(), pool,
              DbConfig.from(context.settings(), SCHEMA).connect(), context.metrics());
          verticle = new GatewayVerticle(context.settings(), new TenantRepository(pool), context.metrics(), notifications);
          return context.vertx().deployVerticle(notifications).compose(v -> context.vertx().deployVerticle(verticle));
        });
  }

  /** The port the API listens on (useful when configured as 0). */
  public int httpPort() {
    return verticle.actualPort();
  }
}
