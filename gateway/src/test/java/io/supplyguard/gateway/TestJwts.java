package io.supplyguard.gateway;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * JWTs signed by hand, so that a test controls every byte of the header and the claims. Keys
 * are made at run time; none is ever committed.
 */
final class TestJwts {
  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

  private TestJwts() {
  }

  static KeyPair rsaKeyPair() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  static String pem(PublicKey key) {
    return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(key.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
  }

  static String rs256(PrivateKey key, JsonObject claims) throws GeneralSecurityException {
    String signingInput = signingInput("RS256", claims);
    Signature signature = Signature.getInstance("SHA256withRSA");
    signature.initSign(key);
    signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
    return signingInput + "." + URL.encodeToString(signature.sign());
  }

  static String hs256(byte[] secret, JsonObject claims) throws GeneralSecurityException {
    String signingInput = signingInput("HS256", claims);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret, "HmacSHA256"));
    return signingInput + "." + URL.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
  }

  /** An unsigned token, {@code alg: none}, with an empty signature. */
  static String unsigned(JsonObject claims) {
    return signingInput("none", claims) + ".";
  }

  private static String signingInput(String algorithm, JsonObject claims) {
    return encode(new JsonObject().put("alg", algorithm).put("typ", "JWT")) + "." + encode(claims);
  }

  private static String encode(JsonObject json) {
    return URL.encodeToString(json.encode().getBytes(StandardCharsets.UTF_8));
  }
}
