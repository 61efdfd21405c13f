package io.supplyguard.gateway.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.json.schema.Validator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ReusedValidatorsTest {
  private final JsonSchema quantity = JsonSchema.of(new JsonObject().put("type", "object")
      .put("required", new io.vertx.core.json.JsonArray().add("quantityKg"))
      .put("properties", new JsonObject().put("quantityKg", new JsonObject().put("type", "number")
          .put("exclusiveMinimum", 0))));
  private final ReusedValidators repository = new ReusedValidators(SchemaRepository.create(
      new JsonSchemaOptions().setDraft(Draft.DRAFT202012).setBaseUri("https://supplyguard.test/")));

  @Test
  @DisplayName("one validator per schema, handed out again for every value")
  void oneValidatorPerSchema() {
    Validator first = repository.validator(quantity);
    assertThat(repository.validator(quantity)).isSameAs(first);
    JsonSchema other = JsonSchema.of(new JsonObject().put("type", "string"));
    assertThat(repository.validator(other)).isNotSameAs(first);
  }

  @Test
  @DisplayName("a reused validator judges each value on its own: valid, invalid, valid again")
  void reuseKeepsNoStateOfAValidation() {
    assertThat(valid(new JsonObject().put("quantityKg", 5))).isTrue();
    assertThat(valid(new JsonObject().put("quantityKg", -1))).isFalse();
    assertThat(valid(new JsonObject())).isFalse();
    assertThat(valid(new JsonObject().put("quantityKg", 0.5))).isTrue();
  }

  private boolean valid(JsonObject value) {
    OutputUnit result = repository.validator(quantity).validate(value);
    return result.getValid();
  }
}
