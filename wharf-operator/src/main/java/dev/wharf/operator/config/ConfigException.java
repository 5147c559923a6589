package dev.wharf.operator.config;

/** The operator's configuration is missing or wrong; the message says which setting and how to fix it. */
public class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }
}
