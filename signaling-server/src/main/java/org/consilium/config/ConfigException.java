package org.consilium.config;

/** A configuration value that prevents a safe start; the message names the key. */
public final class ConfigException extends RuntimeException {

  private final String key;

  public ConfigException(String key, String problem) {
    super("Configuration " + key + " " + problem);
    this.key = key;
  }

  public String key() {
    return key;
  }
}
