package io.supplyguard.common.config;

/** A configuration value that is missing or malformed; the service refuses to start. */
public final class InvalidConfigException extends RuntimeException {
  public InvalidConfigException(String key, String problem) {
    super("Configuration " + key + " " + problem);
  }
}
