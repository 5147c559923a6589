package dev.wharf.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.wharf.provisioning.KeyPrefix;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class RedisSpec {
  @Default("false")
  private boolean enabled;

  @Pattern(KeyPrefix.PATTERN)
  @Size(min = KeyPrefix.MIN_LENGTH, max = KeyPrefix.MAX_LENGTH)
  @JsonPropertyDescription("Keys the app may touch start with this prefix; defaults to \"<app>:\". Letters, digits and"
      + " : . _ / - only, at least 3 characters. Must not overlap another app's prefix (one may not start with the other).")
  private String keyPrefix;

  public RedisSpec() {}

  public RedisSpec(boolean enabled, String keyPrefix) {
    this.enabled = enabled;
    this.keyPrefix = keyPrefix;
  }

  public boolean isEnabled() { return enabled; }
  public void setEnabled(boolean enabled) { this.enabled = enabled; }
  public String getKeyPrefix() { return keyPrefix; }
  public void setKeyPrefix(String keyPrefix) { this.keyPrefix = keyPrefix; }
}
