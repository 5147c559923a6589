package dev.wharf.operator.stub;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OpenBao's ACL rules as its documentation states them (docs/concepts/policies): path rules
 * of HCL policies; templated paths resolved against the token's entity alias, a rule whose
 * template cannot be resolved being dropped; and, among the rules that match a request, only
 * the most specific path deciding (the union of its capabilities when several policies name
 * that same path; "deny" denies). Only path rules with capabilities are understood, and only
 * the alias templates ({@code identity.entity.aliases.<mount accessor>.name} and
 * {@code .metadata.<key>}); a policy with anything else is refused.
 */
public final class OpenBaoAcl {
  private static final Pattern RULE = Pattern.compile(
      "path\\s+\"([^\"]+)\"\\s*\\{\\s*capabilities\\s*=\\s*\\[([^]]*)]\\s*}");
  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");
  private static final Pattern ALIAS = Pattern.compile("identity\\.entity\\.aliases\\.([^.]+)\\.(name|metadata\\.(.+))");

  /** One path rule. */
  public record Rule(String path, Set<String> capabilities) {}

  /** Who a token belongs to: the alias a Kubernetes login made (null for tokens from elsewhere). */
  public record Alias(String mountAccessor, String name, Map<String, String> metadata) {}

  private OpenBaoAcl() {}

  /** The rules of a policy; IllegalArgumentException for text OpenBao (or this stub) would not accept. */
  public static List<Rule> parse(String hcl) {
    String text = hcl.replaceAll("#[^\n]*", "");
    if (!RULE.matcher(text).replaceAll("").isBlank()) {
      throw new IllegalArgumentException("failed to parse policy");
    }
    List<Rule> rules = new ArrayList<>();
    Matcher m = RULE.matcher(text);
    while (m.find()) {
      String path = m.group(1);
      if (path.replaceAll(TEMPLATE.pattern(), "").contains("{{") || path.replaceAll(TEMPLATE.pattern(), "").contains("}}")) {
        throw new IllegalArgumentException("failed to validate policy templating: unbalanced templating characters");
      }
      Set<String> capabilities = new LinkedHashSet<>();
      for (String c : m.group(2).split(",")) {
        if (!c.isBlank()) {
          capabilities.add(c.strip().replace("\"", ""));
        }
      }
      rules.add(new Rule(path, capabilities));
    }
    return rules;
  }

  /** The rules with their templates filled in for {@code alias}; a rule that cannot be filled in is dropped. */
  public static List<Rule> resolve(List<Rule> rules, Alias alias) {
    List<Rule> out = new ArrayList<>();
    for (Rule r : rules) {
      resolve(r.path(), alias).ifPresent(path -> out.add(new Rule(path, r.capabilities())));
    }
    return out;
  }

  private static Optional<String> resolve(String path, Alias alias) {
    Matcher m = TEMPLATE.matcher(path);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Matcher a = ALIAS.matcher(m.group(1));
      if (!a.matches() || alias == null || !a.group(1).equals(alias.mountAccessor())) {
        return Optional.empty();
      }
      String value = a.group(2).equals("name") ? alias.name() : alias.metadata().get(a.group(3));
      if (value == null) {
        return Optional.empty();
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return Optional.of(out.toString());
  }

  /** True when the most specific rule that matches {@code path} grants {@code capability}. */
  public static boolean allows(List<Rule> rules, String path, String capability) {
    Optional<String> decisive = rules.stream().map(Rule::path).filter(p -> matches(p, path))
        .max(OpenBaoAcl::priority);
    if (decisive.isEmpty()) {
      return false;
    }
    Set<String> capabilities = new LinkedHashSet<>();
    rules.stream().filter(r -> r.path().equals(decisive.get())).forEach(r -> capabilities.addAll(r.capabilities()));
    return !capabilities.contains("deny") && capabilities.contains(capability);
  }

  /** The documented order of two matching paths: negative when {@code a} has the lower priority. */
  static int priority(String a, String b) {
    int firstA = firstWildcard(a);
    int firstB = firstWildcard(b);
    if (firstA != firstB) {
      return Integer.compare(firstA, firstB);
    }
    boolean globA = a.endsWith("*");
    boolean globB = b.endsWith("*");
    if (globA != globB) {
      return globA ? -1 : 1;
    }
    long plusA = Arrays.stream(a.split("/")).filter("+"::equals).count();
    long plusB = Arrays.stream(b.split("/")).filter("+"::equals).count();
    if (plusA != plusB) {
      return plusA > plusB ? -1 : 1;
    }
    if (a.length() != b.length()) {
      return Integer.compare(a.length(), b.length());
    }
    return a.compareTo(b);
  }

  private static int firstWildcard(String p) {
    int plus = p.indexOf('+');
    int glob = p.indexOf('*');
    int first = plus < 0 ? glob : glob < 0 ? plus : Math.min(plus, glob);
    return first < 0 ? Integer.MAX_VALUE : first;
  }

  /** Exact match, a trailing '*' glob, and '+' for one whole segment. */
  public static boolean matches(String rule, String path) {
    boolean prefix = rule.endsWith("*");
    String[] r = (prefix ? rule.substring(0, rule.length() - 1) : rule).split("/", -1);
    String[] p = path.split("/", -1);
    if (prefix ? p.length < r.length : p.length != r.length) {
      return false;
    }
    for (int i = 0; i < r.length; i++) {
      boolean last = i == r.length - 1;
      if (r[i].equals("+")) {
        continue;
      }
      if (prefix && last ? !p[i].startsWith(r[i]) : !p[i].equals(r[i])) {
        return false;
      }
    }
    return true;
  }
}
