package io.supplyguard.gateway.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
  private static final String SECRET = "whsec_test-secret";
  private static final long TIMESTAMP = 1764410400L;
  private static final byte[] BODY = "{\"id\":42,\"type\":\"alert\"}".getBytes(StandardCharsets.UTF_8);

  @Test
  @DisplayName("signs timestamp.body with HMAC-SHA256 as openssl computes it")
  void knownVector() {
    // printf '%s' '1764410400.{"id":42,"type":"alert"}' | openssl dgst -sha256 -hmac 'whsec_test-secret'
    assertThat(WebhookSignature.sign(SECRET, TIMESTAMP, BODY))
        .isEqualTo("sha256=112d5274ead815a1720c585ddcbd564d0d15d32d74f21c374618922d44490469");
  }

  @Test
  @DisplayName("verifies its own signature and refuses one for another secret, timestamp or body")
  void verify() {
    String signature = WebhookSignature.sign(SECRET, TIMESTAMP, BODY);
    assertThat(WebhookSignature.verify(SECRET, TIMESTAMP, BODY, signature)).isTrue();
    assertThat(WebhookSignature.verify(SECRET + "x", TIMESTAMP, BODY, signature)).isFalse();
    assertThat(WebhookSignature.verify(SECRET, TIMESTAMP + 1, BODY, signature)).isFalse();
    assertThat(WebhookSignature.verify(SECRET, TIMESTAMP, "{\"id\":43}".getBytes(StandardCharsets.UTF_8), signature))
        .isFalse();
    assertThat(WebhookSignature.verify(SECRET, TIMESTAMP, BODY, null)).isFalse();
  }

  @Test
  @DisplayName("a new secret carries 256 random bits and is never the same twice")
  void secrets() {
    String secret = WebhookSignature.newSecret();
    assertThat(secret).startsWith("whsec_");
    assertThat(Base64.getUrlDecoder().decode(secret.substring("whsec_".length()))).hasSize(32);
    assertThat(WebhookSignature.newSecret()).isNotEqualTo(secret);
  }
}
