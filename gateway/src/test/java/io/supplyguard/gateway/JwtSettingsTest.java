package io.supplyguard.gateway;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supplyguard.common.config.InvalidConfigException;
import io.supplyguard.common.config.Settings;
import io.supplyguard.gateway.auth.JwtVerifier;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** JWT settings that cannot work stop the gateway at start, naming the setting. */
class JwtSettingsTest {
  private static final Vertx VERTX = Vertx.vertx();
  private static final JsonObject DEFAULTS = new JsonObject().put("GATEWAY_JWT_ALGORITHM", "RS256")
      .put("GATEWAY_JWT_AUDIENCE", "supplyguard-api").put("GATEWAY_JWT_LEEWAY_SECONDS", "30");

  @AfterAll
  static void close() {
    VERTX.close();
  }

  private static void create(JsonObject settings) {
    JwtVerifier.create(VERTX, new Settings(DEFAULTS.copy().mergeIn(settings)), null, Duration.ofSeconds(30));
  }

  @Test
  @DisplayName("no key and no secret: the gateway starts, and refuses JWTs")
  void nothingConfigured() {
    assertThatCode(() -> create(new JsonObject())).doesNotThrowAnyException();
  }

  @Test
  @DisplayName("a public key that is not PEM names GATEWAY_JWT_PUBLIC_KEY")
  void notPem() {
    assertThatThrownBy(() -> create(new JsonObject().put("GATEWAY_JWT_PUBLIC_KEY", "ssh-rsa AAAA")
        .put("GATEWAY_JWT_ISSUER", "https://issuer.test/")))
        .isInstanceOf(InvalidConfigException.class).hasMessageContaining("GATEWAY_JWT_PUBLIC_KEY");
  }

  @Test
  @DisplayName("a PEM block that holds no key names GATEWAY_JWT_PUBLIC_KEY")
  void brokenPem() {
    assertThatThrownBy(() -> create(new JsonObject()
        .put("GATEWAY_JWT_PUBLIC_KEY", "-----BEGIN PUBLIC KEY-----\nbm90IGEga2V5\n-----END PUBLIC KEY-----")
        .put("GATEWAY_JWT_ISSUER", "https://issuer.test/")))
        .isInstanceOf(InvalidConfigException.class).hasMessageContaining("GATEWAY_JWT_PUBLIC_KEY");
  }

  @Test
  @DisplayName("an HMAC secret shorter than 32 characters names GATEWAY_JWT_HMAC_SECRET")
  void shortSecret() {
    assertThatThrownBy(() -> create(new JsonObject().put("GATEWAY_JWT_HMAC_SECRET", "too-short")
        .put("GATEWAY_JWT_ISSUER", "https://issuer.test/")))
        .isInstanceOf(InvalidConfigException.class).hasMessageContaining("GATEWAY_JWT_HMAC_SECRET");
  }

  @Test
  @DisplayName("a key without an issuer names GATEWAY_JWT_ISSUER")
  void noIssuer() {
    assertThatThrownBy(() -> create(new JsonObject().put("GATEWAY_JWT_HMAC_SECRET", "x".repeat(40))))
        .isInstanceOf(InvalidConfigException.class).hasMessageContaining("GATEWAY_JWT_ISSUER");
  }

  @Test
  @DisplayName("an algorithm that is not a public-key one names GATEWAY_JWT_ALGORITHM")
  void wrongAlgorithm() {
    assertThatThrownBy(() -> create(new JsonObject().put("GATEWAY_JWT_ALGORITHM", "HS256")
        .put("GATEWAY_JWT_PUBLIC_KEY", "-----BEGIN PUBLIC KEY-----\nbm90IGEga2V5\n-----END PUBLIC KEY-----")
        .put("GATEWAY_JWT_ISSUER", "https://issuer.test/")))
        .isInstanceOf(InvalidConfigException.class).hasMessageContaining("GATEWAY_JWT_ALGORITHM");
  }
}
