package dev.wharf.provisioning.redis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An ACL user as ACL GETUSER describes it, in one shape for Redis 6.2 (keys and channels as
 * lists of bare patterns) and 7+ (as strings of prefixed patterns).
 *
 * @param keys key patterns as rules, e.g. {@code ~greeter:*}, space-separated
 * @param channels channel patterns as rules, e.g. {@code &greeter:*}, space-separated
 */
public record RedisUser(Set<String> flags, List<String> passwordHashes, String commands,
    String keys, String channels, int selectors) {

  public RedisUser {
    flags = Set.copyOf(flags);
    passwordHashes = List.copyOf(passwordHashes);
  }

  /** Parses the raw RESP2 reply of ACL GETUSER (alternating field names and values). */
  public static RedisUser parse(List<?> reply) {
    Set<String> flags = Set.of();
    List<String> passwords = List.of();
    String commands = "";
    String keys = "";
    String channels = "";
    int selectors = 0;
    for (int i = 0; i + 1 < reply.size(); i += 2) {
      Object value = reply.get(i + 1);
      switch (text(reply.get(i))) {
        case "flags" -> flags = new LinkedHashSet<>(texts(value));
        case "passwords" -> passwords = texts(value);
        case "commands" -> commands = text(value);
        case "keys" -> keys = patterns(value, "~");
        case "channels" -> channels = patterns(value, "&");
        case "selectors" -> selectors = value instanceof List<?> l ? l.size() : 0;
        default -> { }
      }
    }
    return new RedisUser(flags, passwords, commands, keys, channels, selectors);
  }

  /** The flags without on/off, which differ between an app user and the reference user. */
  public Set<String> flagsBesidesOnOff() {
    var rest = new LinkedHashSet<>(flags);
    rest.remove("on");
    rest.remove("off");
    return rest;
  }

  private static String patterns(Object value, String marker) {
    if (value instanceof List<?> list) {
      var out = new ArrayList<String>();
      for (Object o : list) {
        String p = text(o);
        out.add(p.startsWith(marker) || p.startsWith("%") ? p : marker + p);
      }
      return String.join(" ", out);
    }
    return text(value).trim();
  }

  private static List<String> texts(Object value) {
    var out = new ArrayList<String>();
    if (value instanceof List<?> list) {
      for (Object o : list) {
        out.add(text(o));
      }
    }
    return out;
  }

  static String text(Object o) {
    if (o == null) {
      return "";
    }
    return o instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : o.toString();
  }
}
