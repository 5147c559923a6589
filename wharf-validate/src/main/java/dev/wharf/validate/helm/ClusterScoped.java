package dev.wharf.validate.helm;

import dev.wharf.validate.Resource;
import dev.wharf.validate.Yamls;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which kinds live outside namespaces, so that a chart object without a namespace gets the
 * release namespace only when it is namespaced (as helm's client does): the built-in
 * cluster-scoped kinds and CRDs whose scope is Cluster.
 */
final class ClusterScoped {
  private static final Set<String> BUILT_IN = Set.of(
      "/Namespace", "/Node", "/PersistentVolume", "/ComponentStatus",
      "rbac.authorization.k8s.io/ClusterRole", "rbac.authorization.k8s.io/ClusterRoleBinding",
      "apiextensions.k8s.io/CustomResourceDefinition", "apiregistration.k8s.io/APIService",
      "admissionregistration.k8s.io/MutatingWebhookConfiguration", "admissionregistration.k8s.io/ValidatingWebhookConfiguration",
      "admissionregistration.k8s.io/ValidatingAdmissionPolicy", "admissionregistration.k8s.io/ValidatingAdmissionPolicyBinding",
      "admissionregistration.k8s.io/MutatingAdmissionPolicy", "admissionregistration.k8s.io/MutatingAdmissionPolicyBinding",
      "storage.k8s.io/StorageClass", "storage.k8s.io/CSIDriver", "storage.k8s.io/CSINode", "storage.k8s.io/VolumeAttachment",
      "storage.k8s.io/VolumeAttributesClass", "scheduling.k8s.io/PriorityClass", "node.k8s.io/RuntimeClass",
      "networking.k8s.io/IngressClass", "networking.k8s.io/IPAddress", "networking.k8s.io/ServiceCIDR",
      "certificates.k8s.io/CertificateSigningRequest", "certificates.k8s.io/ClusterTrustBundle",
      "flowcontrol.apiserver.k8s.io/FlowSchema", "flowcontrol.apiserver.k8s.io/PriorityLevelConfiguration",
      "resource.k8s.io/DeviceClass", "resource.k8s.io/ResourceSlice");

  private final Set<String> kinds = new HashSet<>(BUILT_IN);

  /** The built-in kinds and the cluster-scoped CRDs among {@code crds} (any objects; CRDs are picked). */
  ClusterScoped(List<Resource> objects) {
    for (Resource r : objects) {
      if (r.kind().equals("CustomResourceDefinition") && "Cluster".equals(r.spec().get("scope"))) {
        kinds.add(Yamls.string(r.spec().get("group")) + "/" + Yamls.string(Yamls.at(r.spec(), "names", "kind")));
      }
    }
  }

  boolean contains(String group, String kind) {
    return kinds.contains(group + "/" + kind);
  }
}
