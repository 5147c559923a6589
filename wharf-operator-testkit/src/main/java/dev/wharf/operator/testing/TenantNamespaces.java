package dev.wharf.operator.testing;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/**
 * Tenant namespaces in the mock API server as gitops/tenants makes them: the teams' own from
 * gitops/tenants/<team>/namespace.yaml, others labelled for a team, each with the operator's
 * RoleBinding of gitops/tenants/template/rbac.yaml.
 */
final class TenantNamespaces {
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  private final KubernetesClient kube;

  TenantNamespaces(KubernetesClient kube) {
    this.kube = kube;
  }

  /** The team's namespace as gitops/tenants/<team>/namespace.yaml declares it. */
  void createFromTree(String team) {
    try (var in = Files.newInputStream(OperatorHarness.locate("gitops/tenants/" + team + "/namespace.yaml"))) {
      kube.resource(SERIALIZATION.unmarshal(in, Namespace.class)).create();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    operatorRoleBinding(team);
  }

  /** Another tenant namespace, given to {@code team} with the label the operator reads. */
  void create(String name, String team) {
    kube.resource(new NamespaceBuilder().withNewMetadata().withName(name).addToLabels("wharf.dev/tenant", "true")
        .addToLabels("platform.wharf.dev/team", team).endMetadata().build()).create();
    operatorRoleBinding(name);
  }

  /** A namespace's labels, as OpenBao reads them for a role's namespace selector. */
  Map<String, String> labels(String name) {
    Namespace ns = kube.namespaces().withName(name).get();
    return ns == null || ns.getMetadata().getLabels() == null ? Map.of() : ns.getMetadata().getLabels();
  }

  private void operatorRoleBinding(String namespace) {
    try {
      List<HasMetadata> template = SERIALIZATION.unmarshal(
          Files.readString(OperatorHarness.locate("gitops/tenants/template/rbac.yaml")));
      RoleBinding binding = template.stream().filter(RoleBinding.class::isInstance).map(RoleBinding.class::cast)
          .filter(b -> b.getMetadata().getName().equals("wharf-operator")).findFirst()
          .orElseThrow(() -> new IllegalStateException("gitops/tenants/template/rbac.yaml has no RoleBinding wharf-operator"));
      binding.getMetadata().setNamespace(namespace);
      kube.resource(binding).create();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
