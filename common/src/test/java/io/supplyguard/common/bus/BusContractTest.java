package io.supplyguard.common.bus;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The bus contract as the services read it: complete, and as strict as the OpenAPI document. */
class BusContractTest {
  private static final BusContract CONTRACT = BusContract.shared();
  private static final String DRAWDOWN = Addresses.LICENCE_DRAWDOWN;

  @Test
  @DisplayName("every address constant has a request and a reply, or an event, and nothing else is defined")
  void everyAddressHasASchema() throws IllegalAccessException {
    List<String> constants = Arrays.stream(Addresses.class.getDeclaredFields())
        .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class).map(BusContractTest::value)
        .toList();
    assertThat(CONTRACT.addresses()).containsExactlyInAnyOrderElementsOf(constants);
    for (String address : constants) {
      boolean event = CONTRACT.schema(address, "event") != null;
      assertThat(event || CONTRACT.schema(address, "request") != null && CONTRACT.schema(address, "reply") != null)
          .as("%s has a request and a reply, or is an event", address).isTrue();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.001", "1", "2.5", "123456789.123", "999999999999.999", "1000000000000", "0.30"})
  @DisplayName("a quantity exact to the gram is valid, up to 1e12 kg")
  void quantitiesToTheGram(String kg) {
    assertThat(CONTRACT.errors(DRAWDOWN, "request", drawdown(kg))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0005", "1e-7", "1.0000001", "0.0001", "123456789.1234", "0", "-1", "1000000000000.001"})
  @DisplayName("a quantity finer than a gram, not positive or above 1e12 kg is refused, naming quantityKg")
  void otherQuantitiesRefused(String kg) {
    // 1.0005 breaks both multipleOf and decimal-3; 1e-7 only decimal-3, which multipleOf's tolerance lets by.
    assertThat(CONTRACT.errors(DRAWDOWN, "request", drawdown(kg))).extracting(FieldError::field).isNotEmpty()
        .containsOnly("quantityKg");
  }

  @Test
  @DisplayName("the decimal rule says what is wrong")
  void decimalsMessage() {
    assertThat(CONTRACT.errors(DRAWDOWN, "request", drawdown("1.0005")))
        .contains(new FieldError("quantityKg", "must have at most 3 decimals (grams)"));
  }

  @Test
  @DisplayName("a request names the operation's path parameters beside its body, and no other field")
  void pathParametersAndUnknownFields() {
    JsonObject request = drawdown("1");
    assertThat(CONTRACT.errors(DRAWDOWN, "request", request.copy().put("extra", 1)))
        .containsExactly(new FieldError("extra", "is not a property of this request"));
    request.remove("id");
    assertThat(CONTRACT.errors(DRAWDOWN, "request", request)).containsExactly(new FieldError("id", "is required"));
  }

  @Test
  @DisplayName("a country code that does not exist is refused with a message a client can read")
  void countries() {
    JsonObject site = new JsonObject().put("id", "plant-7").put("name", "Plant").put("country", "XX");
    assertThat(CONTRACT.errors(Addresses.SITES_CREATE, "request", site))
        .containsExactly(new FieldError("country", "must be an ISO 3166 alpha-2 country code such as DE or US"));
    assertThat(CONTRACT.errors(Addresses.SITES_CREATE, "request", site.put("country", "DE"))).isEmpty();
  }

  private static JsonObject drawdown(String kg) {
    // As a client writes it: parsed from the text, as the bus and the gateway parse it.
    return new JsonObject("{\"id\": \"1f0e6bb6-8a4e-4d7e-9a53-3c1f1a2b3c4d\", \"shipmentRef\": \"S-1\","
        + " \"quantityKg\": " + kg + "}");
  }

  private static String value(Field field) {
    try {
      return (String) field.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
