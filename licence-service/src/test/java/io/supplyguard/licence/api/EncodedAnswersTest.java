package io.supplyguard.licence.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EncodedAnswersTest {
  private final AtomicInteger computed = new AtomicInteger();

  private JsonObject compute(String value) {
    computed.incrementAndGet();
    return new JsonObject().put("value", value);
  }

  @Test
  @DisplayName("an answer is computed once per key while its source stays the same object, again when the source changes")
  void keptPerSource() {
    EncodedAnswers<String> answers = new EncodedAnswers<>(10);
    Object regime = new Object();
    assertThat(answers.get(regime, "2026-12-01", () -> compute("a")).toString()).isEqualTo("{\"value\":\"a\"}");
    assertThat(answers.get(regime, "2026-12-01", () -> compute("b")).toString()).isEqualTo("{\"value\":\"a\"}");
    assertThat(computed).hasValue(1);

    Object changedRegime = new Object();
    assertThat(answers.get(changedRegime, "2026-12-01", () -> compute("c")).toString()).isEqualTo("{\"value\":\"c\"}");
    assertThat(computed).hasValue(2);
  }

  @Test
  @DisplayName("at most capacity keys are kept, the least recently asked forgotten first")
  void bounded() {
    EncodedAnswers<Integer> answers = new EncodedAnswers<>(2);
    Object regime = new Object();
    answers.get(regime, 1, () -> compute("1"));
    answers.get(regime, 2, () -> compute("2"));
    answers.get(regime, 1, () -> compute("1"));
    answers.get(regime, 3, () -> compute("3"));
    assertThat(computed).hasValue(3);
    answers.get(regime, 1, () -> compute("1"));
    assertThat(computed).as("1 was asked recently and kept").hasValue(3);
    answers.get(regime, 2, () -> compute("2"));
    assertThat(computed).as("2 was the eldest and forgotten").hasValue(4);
  }
}
