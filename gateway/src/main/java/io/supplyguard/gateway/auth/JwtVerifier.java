package io.supplyguard.gateway.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.supplyguard.common.bus.Role;
import io.supplyguard.common.config.InvalidConfigException;
import io.supplyguard.common.config.Settings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import io.vertx.ext.web.handler.HttpException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Verifies JWTs with the keys of the configuration only (a PEM public key and/or an HMAC
 * secret; never a key the token names or embeds) and reads the caller from their claims:
 * {@code role} (ADMIN or TENANT) and, for TENANT, {@code tenant} (the tenant's id, which must
 * exist). {@code exp}, {@code iss} and {@code aud} are required and checked. Without keys
 * every JWT is refused.
 */
public final class JwtVerifier {
  static final String ROLE_CLAIM = "role";
  static final String TENANT_CLAIM = "tenant";
  private static final Set<String> PUBLIC_KEY_ALGORITHMS = Set.of("RS256", "RS384", "RS512", "ES256", "ES384", "ES512");
  private static final int MIN_SECRET_LENGTH = 32;

  private final JWTAuth auth;
  private final TenantRepository tenants;
  /** Tenants are never deleted, so a tenant once found stays valid; the bound keeps the set small. */
  private final Cache<String, Boolean> knownTenants;

  private JwtVerifier(JWTAuth auth, TenantRepository tenants, Duration ttl) {
    this.auth = auth;
    this.tenants = tenants;
    this.knownTenants = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(ttl).executor(Runnable::run).build();
  }

  /** The verifier the settings describe; fails fast on a malformed key, a short secret, or a missing issuer. */
  public static JwtVerifier create(Vertx vertx, Settings settings, TenantRepository tenants, Duration cacheTtl) {
    Optional<String> publicKey = settings.optional("GATEWAY_JWT_PUBLIC_KEY");
    Optional<String> secret = settings.optional("GATEWAY_JWT_HMAC_SECRET");
    if (publicKey.isEmpty() && secret.isEmpty()) {
      return new JwtVerifier(null, tenants, cacheTtl);
    }
    JWTAuthOptions options = new JWTAuthOptions().setJWTOptions(new JWTOptions()
        .setIssuer(settings.string("GATEWAY_JWT_ISSUER"))
        .setAudience(List.of(settings.string("GATEWAY_JWT_AUDIENCE")))
        .setLeeway(settings.integer("GATEWAY_JWT_LEEWAY_SECONDS")));
    publicKey.ifPresent(pem -> options.addPubSecKey(new PubSecKeyOptions()
        .setAlgorithm(publicKeyAlgorithm(settings)).setBuffer(pem(pem))));
    secret.ifPresent(value -> {
      if (value.length() < MIN_SECRET_LENGTH) {
        throw new InvalidConfigException("GATEWAY_JWT_HMAC_SECRET", "must be at least " + MIN_SECRET_LENGTH + " characters");
      }
      options.addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(value));
    });
    try {
      return new JwtVerifier(JWTAuth.create(vertx, options), tenants, cacheTtl);
    } catch (RuntimeException e) {
      // Only the public key can be malformed here: a secret of any characters is a valid HMAC key.
      throw new InvalidConfigException("GATEWAY_JWT_PUBLIC_KEY", "is not a PEM public key for "
          + publicKeyAlgorithm(settings));
    }
  }

  /** Whether a bearer token is a JWT: three dot-separated parts (an API key has no dot). */
  static boolean looksLikeJwt(String token) {
    return token.chars().filter(c -> c == '.').count() == 2;
  }

  /** The caller a valid token names; a 401 saying what is wrong otherwise. */
  Future<Principal> verify(String token) {
    if (auth == null) {
      return unauthorized("This gateway accepts no JWTs (none of GATEWAY_JWT_PUBLIC_KEY, GATEWAY_JWT_HMAC_SECRET"
          + " is set); send an API key.");
    }
    return auth.authenticate(new TokenCredentials(token))
        .recover(failure -> unauthorized("The JWT is not valid: its signature, algorithm, issuer, audience or"
            + " expiry was refused."))
        .compose(user -> principal(user.attributes().getJsonObject("accessToken", new JsonObject())));
  }

  private Future<Principal> principal(JsonObject claims) {
    if (!(claims.getValue("exp") instanceof Number)) {
      return unauthorized("The JWT has no exp claim; tokens must expire.");
    }
    Role role;
    try {
      role = Role.valueOf(String.valueOf(claims.getValue(ROLE_CLAIM)));
    } catch (IllegalArgumentException e) {
      return unauthorized("The JWT's role claim must be ADMIN or TENANT.");
    }
    if (role == Role.ADMIN) {
      return Future.succeededFuture(new Principal(null, Role.ADMIN));
    }
    UUID tenant;
    try {
      tenant = UUID.fromString(String.valueOf(claims.getValue(TENANT_CLAIM)));
    } catch (IllegalArgumentException e) {
      return unauthorized("A TENANT JWT needs a tenant claim holding the tenant's id.");
    }
    String tenantId = tenant.toString();
    if (knownTenants.getIfPresent(tenantId) != null) {
      return Future.succeededFuture(new Principal(tenantId, Role.TENANT));
    }
    return tenants.tenantExists(tenant).compose(exists -> {
      if (!exists) {
        return unauthorized("The JWT names a tenant that does not exist.");
      }
      knownTenants.put(tenantId, Boolean.TRUE);
      return Future.succeededFuture(new Principal(tenantId, Role.TENANT));
    });
  }

  private static String publicKeyAlgorithm(Settings settings) {
    String algorithm = settings.string("GATEWAY_JWT_ALGORITHM");
    if (!PUBLIC_KEY_ALGORITHMS.contains(algorithm)) {
      throw new InvalidConfigException("GATEWAY_JWT_ALGORITHM", "must be one of " + PUBLIC_KEY_ALGORITHMS
          + ", was '" + algorithm + "'");
    }
    return algorithm;
  }

  /** A PEM block; environments that cannot hold newlines may write them as {@code \n}. */
  private static String pem(String value) {
    String pem = value.replace("\\n", "\n");
    if (!pem.contains("-----BEGIN PUBLIC KEY-----")) {
      throw new InvalidConfigException("GATEWAY_JWT_PUBLIC_KEY", "must be a PEM block starting -----BEGIN PUBLIC KEY-----");
    }
    return pem;
  }

  private static <T> Future<T> unauthorized(String detail) {
    return Future.failedFuture(new HttpException(401, detail));
  }
}
