package io.supplyguard.licence.api;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Answers kept encoded, per key, for as long as what they were computed from stays the same
 * object. The element states of a date are asked for all day by every manufacturer's system
 * and change only with the regime, a few times a year: computing and encoding them once per
 * date and regime takes them off the read path. Not thread-safe: one per verticle instance.
 */
final class EncodedAnswers<K> {
  private final int capacity;
  private Object source;
  private final Map<K, Buffer> answers;

  EncodedAnswers(int capacity) {
    this.capacity = capacity;
    // In access order, so that the dates asked for least recently are the ones forgotten.
    this.answers = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, Buffer> eldest) {
        return size() > EncodedAnswers.this.capacity;
      }
    };
  }

  /** The answer for {@code key} computed from {@code from}, or else {@code compute}'s, kept. */
  Buffer get(Object from, K key, Supplier<JsonObject> compute) {
    if (from != source) {
      answers.clear();
      source = from;
    }
    Buffer answer = answers.get(key);
    if (answer == null) {
      answer = compute.get().toBuffer();
      answers.put(key, answer);
    }
    return answer;
  }
}
