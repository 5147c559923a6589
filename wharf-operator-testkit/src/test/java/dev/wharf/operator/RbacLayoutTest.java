package dev.wharf.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.operator.testing.OperatorHarness;
import dev.wharf.operator.testing.RbacCheck;
import dev.wharf.operator.testing.RbacCheck.Attributes;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The operator's RBAC as the GitOps tree renders it (kubectl kustomize gitops/tenants, and
 * gitops/services/wharf-operator/rbac.yaml): it may write only in tenant namespaces, through the
 * RoleBinding each tenant gets from the template, and reads cluster-wide only what its informers
 * watch (Apps, and list + watch of the kinds it makes for them; never Secrets).
 */
class RbacLayoutTest {
  static final List<String> WRITES = List.of("create", "update", "patch", "delete", "deletecollection");
  static final List<String[]> OBJECTS = List.of(new String[] {"", "serviceaccounts"}, new String[] {"", "configmaps"},
      new String[] {"", "secrets"}, new String[] {"networking.k8s.io", "networkpolicies"},
      new String[] {"external-secrets.io", "secretstores"}, new String[] {"external-secrets.io", "externalsecrets"});

  static List<RoleBinding> tenantBindings() throws Exception {
    Process kubectl = new ProcessBuilder("kubectl", "kustomize", OperatorHarness.locate("gitops/tenants").toString())
        .redirectErrorStream(true).start();
    String yaml = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(kubectl.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(kubectl.exitValue()).as("kubectl kustomize gitops/tenants: %s", yaml).isZero();
    List<HasMetadata> objects = new KubernetesSerialization().unmarshal(yaml);
    return objects.stream().filter(RoleBinding.class::isInstance).map(RoleBinding.class::cast).toList();
  }

  @Test
  void writesOnlyInTenantNamespacesAndOnlyWhatTheOperatorMakes() throws Exception {
    RbacCheck rbac = RbacCheck.fromTree(tenantBindings());
    for (String ns : List.of("team-a", "team-b")) {
      for (String verb : List.of("get", "create", "patch", "delete")) {
        for (String[] o : OBJECTS.stream().filter(o -> !o[1].equals("secrets")).toList()) {
          assertThat(rbac.allows(new Attributes(verb, o[0], o[1], ns))).as("%s %s/%s in %s", verb, o[0], o[1], ns).isTrue();
        }
      }
      assertThat(rbac.allows(new Attributes("get", "", "namespaces", ns))).as("its tenant label").isTrue();
      for (String verb : List.of("create", "patch")) {
        assertThat(rbac.allows(new Attributes(verb, "events.k8s.io", "events", ns))).as("%s events in %s", verb, ns).isTrue();
      }
      assertThat(rbac.allows(new Attributes("delete", "events.k8s.io", "events", ns))).as("delete events").isFalse();
    }
    for (String ns : List.of("kube-system", "wharf-system", "flux-system", "openbao", "default")) {
      for (String verb : WRITES) {
        for (String[] o : OBJECTS) {
          assertThat(rbac.allows(new Attributes(verb, o[0], o[1], ns))).as("%s %s/%s in %s", verb, o[0], o[1], ns).isFalse();
        }
        assertThat(rbac.allows(new Attributes(verb, "events.k8s.io", "events", ns))).as("%s events in %s", verb, ns).isFalse();
      }
    }
    for (String[] o : OBJECTS) {
      assertThat(rbac.allows(new Attributes("get", o[0], o[1], "team-a"))).isEqualTo(!o[1].equals("secrets"));
      boolean informer = !o[1].equals("secrets");
      for (String read : List.of("list", "watch")) {
        assertThat(rbac.allows(new Attributes(read, o[0], o[1], null))).as("%s %s cluster-wide (its informer)", read, o[1])
            .isEqualTo(informer);
      }
      assertThat(rbac.allows(new Attributes("get", o[0], o[1], "kube-system"))).as("get %s in kube-system", o[1]).isFalse();
    }
    assertThat(rbac.allows(new Attributes("watch", "platform.wharf.dev", "apps", null))).as("the App informer").isTrue();
    // Leader election: its own Lease in wharf-system, by name, and no other Lease anywhere.
    String coordination = "coordination.k8s.io";
    for (String verb : List.of("get", "update", "patch")) {
      assertThat(rbac.allows(new Attributes(verb, coordination, "leases", "wharf-system", "wharf-operator"))).isTrue();
      assertThat(rbac.allows(new Attributes(verb, coordination, "leases", "wharf-system", "other"))).isFalse();
      assertThat(rbac.allows(new Attributes(verb, coordination, "leases", "kube-system", "wharf-operator"))).isFalse();
    }
    assertThat(rbac.allows(new Attributes("create", coordination, "leases", "wharf-system"))).isTrue();
    assertThat(rbac.allows(new Attributes("create", coordination, "leases", "team-a"))).isFalse();
    for (String verb : List.of("list", "watch", "delete")) {
      assertThat(rbac.allows(new Attributes(verb, coordination, "leases", "wharf-system", "wharf-operator")))
          .as("%s leases", verb).isFalse();
    }
    assertThat(rbac.allows(new Attributes("patch", "platform.wharf.dev", "apps/status", "kube-system"))).isTrue();
  }
}
