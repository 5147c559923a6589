package dev.wharf.operator.testing;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Authorizes the operator's requests as the API server's RBAC authorizer would: the
 * ClusterRoles and ClusterRoleBinding of gitops/services/wharf-operator/rbac.yaml, plus the
 * RoleBindings the tenant namespaces have (from gitops/tenants/template), each granting in its
 * own namespace. The subject is ServiceAccount wharf-operator of namespace wharf-system.
 */
public final class RbacCheck {
  public static final String NAMESPACE = "wharf-system";
  public static final String SERVICE_ACCOUNT = "wharf-operator";

  /**
   * What RBAC sees of a request. {@code resource} includes a subresource, e.g. apps/status;
   * {@code namespace} is null for a cluster-wide request (for a namespace object itself, its
   * own name, as the API server sets it).
   */
  public record Attributes(String verb, String group, String resource, String namespace) {
    @Override
    public String toString() {
      return verb + " " + (group.isEmpty() ? "core" : group) + "/" + resource + (namespace == null ? "" : " in " + namespace);
    }
  }

  private final Map<String, ClusterRole> clusterRoles;
  private final List<ClusterRoleBinding> clusterBindings;
  private final List<RoleBinding> roleBindings;

  private RbacCheck(Map<String, ClusterRole> clusterRoles, List<ClusterRoleBinding> clusterBindings, List<RoleBinding> roleBindings) {
    this.clusterRoles = clusterRoles;
    this.clusterBindings = clusterBindings;
    this.roleBindings = roleBindings;
  }

  /** The tree's operator RBAC with these RoleBindings (those of the tenant namespaces). */
  public static RbacCheck fromTree(Collection<RoleBinding> roleBindings) {
    try {
      String yaml = Files.readString(OperatorHarness.locate("gitops/services/wharf-operator/rbac.yaml"));
      List<HasMetadata> objects = new KubernetesSerialization().unmarshal(yaml);
      Map<String, ClusterRole> roles = objects.stream().filter(ClusterRole.class::isInstance).map(ClusterRole.class::cast)
          .collect(Collectors.toMap(r -> r.getMetadata().getName(), Function.identity()));
      List<ClusterRoleBinding> bindings = objects.stream().filter(ClusterRoleBinding.class::isInstance)
          .map(ClusterRoleBinding.class::cast).toList();
      return new RbacCheck(roles, bindings, List.copyOf(roleBindings));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public boolean allows(Attributes a) {
    boolean cluster = clusterBindings.stream().filter(b -> forOperator(b.getSubjects()))
        .anyMatch(b -> grants(b.getRoleRef(), a));
    boolean namespaced = a.namespace() != null && roleBindings.stream()
        .filter(b -> a.namespace().equals(b.getMetadata().getNamespace()) && forOperator(b.getSubjects()))
        .anyMatch(b -> grants(b.getRoleRef(), a));
    return cluster || namespaced;
  }

  private boolean grants(RoleRef ref, Attributes a) {
    ClusterRole role = ref.getKind().equals("ClusterRole") ? clusterRoles.get(ref.getName()) : null;
    return role != null && role.getRules().stream().anyMatch(r -> grants(r, a));
  }

  private static boolean grants(PolicyRule r, Attributes a) {
    return (r.getApiGroups().contains(a.group()) || r.getApiGroups().contains("*"))
        && (r.getResources().contains(a.resource()) || r.getResources().contains("*"))
        && (r.getVerbs().contains(a.verb()) || r.getVerbs().contains("*"));
  }

  private static boolean forOperator(List<Subject> subjects) {
    return subjects != null && subjects.stream().anyMatch(s -> "ServiceAccount".equals(s.getKind())
        && SERVICE_ACCOUNT.equals(s.getName()) && NAMESPACE.equals(s.getNamespace()));
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
    String namespace = null;
    if (rest.get(0).equals("namespaces") && rest.size() >= 2) {
      namespace = rest.get(1);
      if (rest.size() >= 3) {
        rest = rest.subList(2, rest.size());
      }
    }
    String resource = rest.get(0);
    String name = rest.size() > 1 ? rest.get(1) : null;
    String sub = rest.size() > 2 ? rest.get(2) : null;
    String verb = switch (method) {
      case "GET" -> name == null ? (watch ? "watch" : "list") : "get";
      case "POST" -> "create";
      case "PUT" -> "update";
      case "PATCH" -> "patch";
      case "DELETE" -> name == null ? "deletecollection" : "delete";
      default -> method.toLowerCase();
    };
    return new Attributes(verb, group, sub == null ? resource : resource + "/" + sub, namespace);
  }
}
