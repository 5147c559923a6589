package dev.wharf.operator.openbao;

import java.util.Map;
import java.util.TreeMap;

/** One version of a KV v2 secret. toString shows the keys only. */
public record KvSecret(Map<String, String> data, long version) {
  public KvSecret {
    data = Map.copyOf(data);
  }

  public String get(String key) {
    return data.get(key);
  }

  @Override
  public String toString() {
    return "KvSecret[version=" + version + ", keys=" + new TreeMap<>(data).keySet() + ", values=<redacted>]";
  }
}
