package dev.wharf.login;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges a {@link KubeconfigEntry} into a parsed kubeconfig (plain maps and lists as a YAML
 * parser gives them). Other users, contexts and clusters stay as they are, and so do unknown
 * fields of the entries it updates. No I/O.
 */
public final class KubeconfigMerge {

  /** What the merge did, for the user. */
  public record Outcome(boolean clusterWritten, boolean contextWritten, boolean madeCurrent) {}

  private KubeconfigMerge() {}

  public static Outcome merge(Map<String, Object> doc, KubeconfigEntry e) {
    doc.putIfAbsent("apiVersion", "v1");
    doc.putIfAbsent("kind", "Config");
    List<Map<String, Object>> users = namedList(doc, "users");
    List<Map<String, Object>> clusters = namedList(doc, "clusters");
    List<Map<String, Object>> contexts = namedList(doc, "contexts");

    Map<String, Object> user = entry(users, e.userName());
    // The user entry is Wharf's own (its name comes from the issuer); its credentials are replaced.
    Map<String, Object> credentials = new LinkedHashMap<>();
    credentials.put("exec", exec(e));
    user.put("user", credentials);

    boolean clusterWritten = false;
    if (e.server() != null) {
      Map<String, Object> cluster = section(entry(clusters, e.clusterName()), "cluster");
      cluster.put("server", e.server());
      if (e.certificateAuthority() != null) {
        cluster.put("certificate-authority", e.certificateAuthority());
        cluster.remove("certificate-authority-data");
      }
      clusterWritten = true;
    }
    boolean contextWritten = false;
    boolean madeCurrent = false;
    if (find(clusters, e.clusterName()) != null) {
      Map<String, Object> context = section(entry(contexts, e.contextName()), "context");
      context.put("cluster", e.clusterName());
      context.put("user", e.userName());
      contextWritten = true;
      Object current = doc.get("current-context");
      if (current == null || current.toString().isEmpty()) {
        doc.put("current-context", e.contextName());
        madeCurrent = true;
      }
    }
    return new Outcome(clusterWritten, contextWritten, madeCurrent);
  }

  private static Map<String, Object> exec(KubeconfigEntry e) {
    Map<String, Object> exec = new LinkedHashMap<>();
    exec.put("apiVersion", ExecCredential.API_VERSION);
    exec.put("command", e.command());
    exec.put("args", new ArrayList<>(e.args()));
    if (!e.env().isEmpty()) {
      List<Map<String, Object>> env = new ArrayList<>();
      e.env().forEach((k, v) -> {
        Map<String, Object> var = new LinkedHashMap<>();
        var.put("name", k);
        var.put("value", v);
        env.add(var);
      });
      exec.put("env", env);
    }
    // 'wharf token' never prompts: when the session is gone it says to run 'wharf login'.
    exec.put("interactiveMode", "Never");
    exec.put("provideClusterInfo", false);
    exec.put("installHint", "This cluster signs you in with the wharf CLI: clone the Wharf"
        + " repository and run ./wharf login (see docs/login.md).");
    return exec;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> namedList(Map<String, Object> doc, String key) {
    Object v = doc.get(key);
    if (v == null) {
      List<Map<String, Object>> list = new ArrayList<>();
      doc.put(key, list);
      return list;
    }
    if (!(v instanceof List<?>)) {
      throw new LoginException(LoginException.Reason.KUBECONFIG,
          "the kubeconfig's '" + key + "' is not a list; fix or move that file and run"
              + " 'wharf login' again.");
    }
    return (List<Map<String, Object>>) v;
  }

  private static Map<String, Object> find(List<Map<String, Object>> list, String name) {
    for (Object item : list) {
      if (item instanceof Map<?, ?> m && name.equals(m.get("name"))) {
        @SuppressWarnings("unchecked")
        Map<String, Object> entry = (Map<String, Object>) m;
        return entry;
      }
    }
    return null;
  }

  private static Map<String, Object> entry(List<Map<String, Object>> list, String name) {
    Map<String, Object> found = find(list, name);
    if (found != null) {
      return found;
    }
    Map<String, Object> created = new LinkedHashMap<>();
    created.put("name", name);
    list.add(created);
    return created;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> section(Map<String, Object> entry, String key) {
    Object v = entry.get(key);
    if (v instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    Map<String, Object> created = new LinkedHashMap<>();
    entry.put(key, created);
    return created;
  }
}
