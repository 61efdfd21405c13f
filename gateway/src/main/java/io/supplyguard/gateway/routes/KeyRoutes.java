package io.supplyguard.gateway.routes;

import io.supplyguard.gateway.auth.ApiKeys;
import io.supplyguard.gateway.auth.KeyRevocations;
import io.supplyguard.gateway.auth.StoredKey;
import io.supplyguard.gateway.auth.TenantRepository;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tenant's API keys, managed by ADMIN: listed (never the key or its hash), issued, rotated
 * and revoked. A new key is in the response once and nowhere else. A revocation reaches this
 * gateway's cache before the answer and the other replicas' over the event bus.
 */
public final class KeyRoutes {
  private static final Body TENANT = Body.path("tenantId");
  private static final Body KEY = Body.of(TENANT, Body.path("keyId"));

  private static final Logger LOG = LoggerFactory.getLogger(KeyRoutes.class);

  private final TenantRepository tenants;
  private final KeyRevocations revocations;

  public KeyRoutes(TenantRepository tenants, KeyRevocations revocations) {
    this.tenants = tenants;
    this.revocations = revocations;
  }

  public void list(RoutingContext ctx) {
    tenants.keys(uuid(TENANT.from(ctx), "tenantId"))
        .onSuccess(keys -> BusForwarder.answer(ctx, 200, new JsonObject()
            .put("keys", new JsonArray(keys.stream().map(StoredKey::toJson).toList()))))
        .onFailure(ctx::fail);
  }

  public void issue(RoutingContext ctx) {
    String apiKey = ApiKeys.generate();
    tenants.issue(uuid(TENANT.from(ctx), "tenantId"), ApiKeys.hash(apiKey))
        .onSuccess(key -> BusForwarder.answer(ctx, 201, key.toJson().put("apiKey", apiKey)))
        .onFailure(ctx::fail);
  }

  public void rotate(RoutingContext ctx) {
    JsonObject ids = KEY.from(ctx);
    Duration grace = Duration.ofSeconds(Body.json().from(ctx).getLong("graceSeconds", 0L));
    String apiKey = ApiKeys.generate();
    tenants.rotate(uuid(ids, "tenantId"), uuid(ids, "keyId"), ApiKeys.hash(apiKey), grace)
        .onSuccess(rotation -> {
          // The replaced key's cached grant has no end yet: every replica must read its new one.
          revocations.revoked(rotation.replaced().id().toString());
          LOG.info("Key {} of tenant {} rotated to {}; it stops working at {}", rotation.replaced().id(),
              rotation.replaced().tenantId(), rotation.successor().id(), rotation.replaced().revokedAt());
          BusForwarder.answer(ctx, 201, rotation.successor().toJson().put("apiKey", apiKey)
              .put("replaced", rotation.replaced().toJson()));
        })
        .onFailure(ctx::fail);
  }

  public void revoke(RoutingContext ctx) {
    JsonObject ids = KEY.from(ctx);
    tenants.revoke(uuid(ids, "tenantId"), uuid(ids, "keyId"))
        .onSuccess(key -> {
          revocations.revoked(key.id().toString());
          LOG.info("Key {} of tenant {} revoked at {}", key.id(), key.tenantId(), key.revokedAt());
          BusForwarder.answer(ctx, 200, key.toJson());
        })
        .onFailure(ctx::fail);
  }

  /** A path parameter the contract already validated as a UUID. */
  private static UUID uuid(JsonObject ids, String name) {
    return UUID.fromString(ids.getString(name));
  }
}
