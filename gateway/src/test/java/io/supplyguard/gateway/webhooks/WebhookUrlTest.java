package io.supplyguard.gateway.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookUrlTest {

  @ParameterizedTest
  @ValueSource(strings = {"https://erp.example.com/hooks/supplyguard", "http://hooks.example.org:8443/a?b=c",
      "HTTPS://EXAMPLE.COM/x", "http://[2001:db8::1]/hook"})
  void accepted(String url) {
    assertThat(WebhookUrl.problem(url)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://example.org/hook", "/relative/hook", "example.org/hook", "https:///nohost",
      "https://user:pass@example.org/hook", "https://example.org/hook#part", "http://exa mple.org/", "mailto:a@b.c"})
  void refused(String url) {
    assertThat(WebhookUrl.problem(url)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
      "0.0.0.0", "::1", "::", "fe80::1", "fd00::1", "fc00::5", "224.0.0.1", "198.18.0.1", "255.255.255.255",
      "::ffff:10.0.0.1"})
  void privateAddresses(String address) throws Exception {
    assertThat(AddressPolicy.isPublic(InetAddress.getByName(address))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "2606:2800:21f:cb07:6820:80da:af6b:8b2c", "100.128.0.1"})
  void publicAddresses(String address) throws Exception {
    assertThat(AddressPolicy.isPublic(InetAddress.getByName(address))).isTrue();
  }
}
