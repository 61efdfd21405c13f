package io.supplyguard.common.config;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A service's configuration, read once at start. Keys are the environment variable names
 * (UPPER_SNAKE) so that what the README documents is exactly what can be set. Every accessor
 * fails fast, naming the key, when a value is missing or malformed.
 */
public final class Settings {
  private final JsonObject values;

  public Settings(JsonObject values) {
    this.values = values.copy();
  }

  public Optional<String> optional(String key) {
    Object value = values.getValue(key);
    if (value == null || value.toString().isBlank()) {
      return Optional.empty();
    }
    return Optional.of(value.toString().trim());
  }

  public String string(String key) {
    return optional(key).orElseThrow(() -> new InvalidConfigException(key, "is required"));
  }

  public int integer(String key) {
    String value = string(key);
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new InvalidConfigException(key, "must be a whole number, was '" + value + "'");
    }
  }

  public double number(String key) {
    String value = string(key);
    try {
      double number = Double.parseDouble(value);
      if (!Double.isFinite(number)) {
        throw new NumberFormatException();
      }
      return number;
    } catch (NumberFormatException e) {
      throw new InvalidConfigException(key, "must be a finite number, was '" + value + "'");
    }
  }

  public int port(String key) {
    int port = integer(key);
    if (port < 0 || port > 65535) {
      throw new InvalidConfigException(key, "must be a port between 0 and 65535, was " + port);
    }
    return port;
  }

  public boolean bool(String key) {
    String value = string(key);
    if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
      throw new InvalidConfigException(key, "must be true or false, was '" + value + "'");
    }
    return Boolean.parseBoolean(value);
  }

  /** A duration given in milliseconds. */
  public Duration millis(String key) {
    int millis = integer(key);
    if (millis <= 0) {
      throw new InvalidConfigException(key, "must be a positive number of milliseconds, was " + millis);
    }
    return Duration.ofMillis(millis);
  }

  /** A comma-separated list; empty when the key is unset. */
  public List<String> list(String key) {
    return optional(key)
        .map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
        .orElse(List.of());
  }

  public ZoneId zone(String key) {
    String value = string(key);
    try {
      return ZoneId.of(value);
    } catch (RuntimeException e) {
      throw new InvalidConfigException(key, "must be a time zone id such as UTC, was '" + value + "'");
    }
  }
}
