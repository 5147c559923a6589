package dev.wharf.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class RedisSpec {
  /** Letters, digits and - _ . : / only, so the prefix is safe inside a Redis ACL key pattern. */
  public static final String KEY_PREFIX_PATTERN = "^[A-Za-z0-9][A-Za-z0-9_.:/-]*$";

  @Default("false")
  private boolean enabled;

  @Pattern(KEY_PREFIX_PATTERN)
  @Size(min = 1, max = 128)
  @JsonPropertyDescription("Keys the app may touch start with this prefix; defaults to \"<app>:\". Must not overlap another app's prefix.")
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
