package dev.wharf.operator.testing;

import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;

/**
 * The operator's ClusterRole from gitops/services/wharf-operator/rbac.yaml, and how the API
 * server would authorize one request line against it (verb, API group, resource/subresource).
 */
public final class ClusterRoleCheck {
  /** What RBAC sees of a request. {@code resource} includes a subresource, e.g. apps/status. */
  public record Attributes(String verb, String group, String resource) {
    @Override
    public String toString() {
      return verb + " " + (group.isEmpty() ? "core" : group) + "/" + resource;
    }
  }

  private final ClusterRole role;

  private ClusterRoleCheck(ClusterRole role) {
    this.role = role;
  }

  public static ClusterRoleCheck fromTree() {
    try {
      String yaml = Files.readString(OperatorHarness.locate("gitops/services/wharf-operator/rbac.yaml"));
      String first = yaml.split("(?m)^---$")[0];
      return new ClusterRoleCheck(Serialization.unmarshal(first, ClusterRole.class));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public boolean allows(Attributes a) {
    return role.getRules().stream().anyMatch(r -> r.getApiGroups().contains(a.group())
        && r.getResources().contains(a.resource()) && r.getVerbs().contains(a.verb()));
  }

  /** "METHOD /api/v1/namespaces/ns/serviceaccounts/name?query" → its RBAC attributes. */
  public static Attributes attributes(String requestLine) {
    String method = requestLine.substring(0, requestLine.indexOf(' '));
    String target = requestLine.substring(requestLine.indexOf(' ') + 1);
    String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
    boolean watch = target.contains("watch=true");
    List<String> seg = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
    String group = seg.get(0).equals("api") ? "" : seg.get(1);
    List<String> rest = seg.subList(seg.get(0).equals("api") ? 2 : 3, seg.size());
    String resource;
    String name;
    String sub;
    if (rest.get(0).equals("namespaces") && rest.size() >= 3) {
      resource = rest.get(2);
      name = rest.size() > 3 ? rest.get(3) : null;
      sub = rest.size() > 4 ? rest.get(4) : null;
    } else {
      resource = rest.get(0);
      name = rest.size() > 1 ? rest.get(1) : null;
      sub = rest.size() > 2 ? rest.get(2) : null;
    }
    String verb = switch (method) {
      case "GET" -> name == null ? (watch ? "watch" : "list") : "get";
      case "POST" -> "create";
      case "PUT" -> "update";
      case "PATCH" -> "patch";
      case "DELETE" -> name == null ? "deletecollection" : "delete";
      default -> method.toLowerCase();
    };
    return new Attributes(verb, group, sub == null ? resource : resource + "/" + sub);
  }
}
