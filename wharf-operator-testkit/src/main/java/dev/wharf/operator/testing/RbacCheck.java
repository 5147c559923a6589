package dev.wharf.operator.testing;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
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
 * ClusterRoles, Roles and their bindings in gitops/services/wharf-operator/rbac.yaml, plus the
 * RoleBindings the tenant namespaces have (from gitops/tenants/template), each granting in its
 * own namespace, a rule with resourceNames only for those names (so never a create or a list).
 * The subject is ServiceAccount wharf-operator of namespace wharf-system; like every
 * authenticated user it may also ask what it may do (system:basic-user's
 * selfsubjectrulesreviews, which JOSDK's leader election asks before it starts).
 */
public final class RbacCheck {
  public static final String NAMESPACE = "wharf-system";
  public static final String SERVICE_ACCOUNT = "wharf-operator";

  /**
   * What RBAC sees of a request. {@code resource} includes a subresource, e.g. apps/status;
   * {@code namespace} is null for a cluster-wide request (for a namespace object itself, its
   * own name, as the API server sets it).
   */
  public record Attributes(String verb, String group, String resource, String namespace, String name) {
    public Attributes(String verb, String group, String resource, String namespace) {
      this(verb, group, resource, namespace, null);
    }

    @Override
    public String toString() {
      return verb + " " + (group.isEmpty() ? "core" : group) + "/" + resource + (namespace == null ? "" : " in " + namespace);
    }
  }

  /** What system:basic-user grants every authenticated user. */
  private static final PolicyRule BASIC_USER = new PolicyRule(List.of("authorization.k8s.io"), List.of(), List.of(),
      List.of("selfsubjectrulesreviews", "selfsubjectaccessreviews"), List.of("create"));

  private final Map<String, ClusterRole> clusterRoles;
  private final Map<String, Role> roles;
  private final List<ClusterRoleBinding> clusterBindings;
  private final List<RoleBinding> roleBindings;

  private RbacCheck(Map<String, ClusterRole> clusterRoles, Map<String, Role> roles,
                    List<ClusterRoleBinding> clusterBindings, List<RoleBinding> roleBindings) {
    this.clusterRoles = clusterRoles;
    this.roles = roles;
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
      // The tree renders rbac.yaml into wharf-system (its kustomization's namespace).
      Map<String, Role> nsRoles = objects.stream().filter(Role.class::isInstance).map(Role.class::cast)
          .collect(Collectors.toMap(r -> key(inOperatorNamespace(r), r.getMetadata().getName()), Function.identity()));
      List<RoleBinding> allBindings = new java.util.ArrayList<>(roleBindings);
      objects.stream().filter(RoleBinding.class::isInstance).map(RoleBinding.class::cast)
          .peek(RbacCheck::inOperatorNamespace).forEach(allBindings::add);
      return new RbacCheck(roles, nsRoles, bindings, allBindings);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public boolean allows(Attributes a) {
    return grants(BASIC_USER, a) || rules(a.namespace()).stream().anyMatch(r -> grants(r, a));
  }

  /**
   * Every rule that applies to the operator in {@code namespace} (null: cluster-wide only), as
   * a SelfSubjectRulesReview of that namespace lists them.
   */
  public List<PolicyRule> rules(String namespace) {
    List<PolicyRule> out = new java.util.ArrayList<>();
    clusterBindings.stream().filter(b -> forOperator(b.getSubjects())).forEach(b -> out.addAll(rules(b.getRoleRef(), null)));
    if (namespace != null) {
      roleBindings.stream().filter(b -> namespace.equals(b.getMetadata().getNamespace()) && forOperator(b.getSubjects()))
          .forEach(b -> out.addAll(rules(b.getRoleRef(), namespace)));
    }
    return out;
  }

  private List<PolicyRule> rules(RoleRef ref, String namespace) {
    if (ref.getKind().equals("ClusterRole")) {
      ClusterRole role = clusterRoles.get(ref.getName());
      return role == null ? List.of() : role.getRules();
    }
    Role role = namespace == null ? null : roles.get(key(namespace, ref.getName()));
    return role == null ? List.of() : role.getRules();
  }

  private static boolean grants(PolicyRule r, Attributes a) {
    boolean named = r.getResourceNames() == null || r.getResourceNames().isEmpty()
        || (a.name() != null && r.getResourceNames().contains(a.name()));
    return (r.getApiGroups().contains(a.group()) || r.getApiGroups().contains("*"))
        && (r.getResources().contains(a.resource()) || r.getResources().contains("*"))
        && (r.getVerbs().contains(a.verb()) || r.getVerbs().contains("*"))
        && named;
  }

  private static String key(String namespace, String name) {
    return namespace + "/" + name;
  }

  private static String inOperatorNamespace(HasMetadata o) {
    if (o.getMetadata().getNamespace() == null) {
      o.getMetadata().setNamespace(NAMESPACE);
    }
    return o.getMetadata().getNamespace();
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
    return new Attributes(verb, group, sub == null ? resource : resource + "/" + sub, namespace, name);
  }
}
