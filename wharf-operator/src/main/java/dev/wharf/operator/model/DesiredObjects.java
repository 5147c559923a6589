package dev.wharf.operator.model;

import dev.wharf.api.App;
import dev.wharf.core.AppRef;
import dev.wharf.core.Names;
import dev.wharf.core.PlatformKeys;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;
import io.fabric8.kubernetes.client.CustomResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the Kubernetes objects an App wants in its namespace. Pure: no I/O, so the whole
 * desired state can be unit-tested and compared with what the API server holds.
 */
public final class DesiredObjects {
  public static final String ESO_GROUP = "external-secrets.io";
  public static final String ESO_VERSION = "v1";
  public static final String ESO_API_VERSION = ESO_GROUP + "/" + ESO_VERSION;
  /** Pods of the app carry this label (the greeter chart and `wharf demo` set it). */
  public static final String POD_NAME_LABEL = "app.kubernetes.io/name";

  private final ClusterSettings cluster;

  public DesiredObjects(ClusterSettings cluster) {
    this.cluster = cluster;
  }

  /**
   * Everything the App wants. {@code kvVersion} is the version of the app's OpenBao secret;
   * it is written on the ExternalSecrets so that a new version makes ESO sync at once.
   */
  public List<HasMetadata> build(App app, long kvVersion) {
    List<HasMetadata> out = new ArrayList<>(namespaceObjects(app));
    out.addAll(externalSecrets(app, kvVersion));
    return out;
  }

  /** The objects that do not depend on the stored secret: ServiceAccount, SecretStore, dashboard, NetworkPolicy. */
  public List<HasMetadata> namespaceObjects(App app) {
    AppRef ref = AppRef.of(app.getMetadata().getNamespace(), app.getMetadata().getName());
    var spec = app.getSpec();
    List<HasMetadata> out = new ArrayList<>();
    out.add(serviceAccount(app, ref, spec.registryEnabled()));
    if (!keys(app).isEmpty() || spec.registryEnabled()) {
      out.add(secretStore(app, ref));
    }
    if (spec.dashboardsEnabled()) {
      out.add(new ConfigMapBuilder()
          .withMetadata(meta(app, Names.dashboardConfigMap(ref), Map.of("grafana_dashboard", "1"),
              Map.of("grafana_folder", spec.getTeam())))
          .withData(Map.of(Names.dashboardFile(ref), Dashboard.json(ref)))
          .build());
    }
    if (spec.mysqlEnabled() || spec.redisEnabled() || spec.oidcEnabled()) {
      out.add(networkPolicy(app, ref));
    }
    return out;
  }

  /** The ExternalSecrets, which carry {@code kvVersion}, the version of the app's stored secret. */
  public List<HasMetadata> externalSecrets(App app, long kvVersion) {
    AppRef ref = AppRef.of(app.getMetadata().getNamespace(), app.getMetadata().getName());
    List<HasMetadata> out = new ArrayList<>();
    List<String> keys = keys(app);
    if (!keys.isEmpty()) {
      out.add(platformExternalSecret(app, ref, keys, kvVersion));
    }
    if (app.getSpec().registryEnabled()) {
      out.add(registryExternalSecret(app, ref, kvVersion));
    }
    return out;
  }

  private static List<String> keys(App app) {
    var spec = app.getSpec();
    return PlatformKeys.forApp(spec.mysqlEnabled(), spec.redisEnabled(), spec.oidcEnabled());
  }

  private HasMetadata serviceAccount(App app, AppRef ref, boolean registry) {
    var sa = new ServiceAccountBuilder()
        .withMetadata(meta(app, Names.serviceAccount(ref), Map.of(), Map.of()))
        // The app's pods talk to the platform services, not to the Kubernetes API.
        .withAutomountServiceAccountToken(false);
    if (registry) {
      sa.addNewImagePullSecret(Names.registrySecret(ref));
    }
    return sa.build();
  }

  private SecretStoreResource secretStore(App app, AppRef ref) {
    Map<String, Object> kubernetesAuth = new LinkedHashMap<>();
    kubernetesAuth.put("mountPath", cluster.kubernetesAuthMount());
    kubernetesAuth.put("role", cluster.appRole());
    kubernetesAuth.put("serviceAccountRef", Map.of("name", Names.serviceAccount(ref)));
    Map<String, Object> vault = new LinkedHashMap<>();
    vault.put("server", cluster.openBaoUrl());
    vault.put("path", cluster.kvMount());
    vault.put("version", "v2");
    if (cluster.openBaoCaConfigMap() != null && !cluster.openBaoCaConfigMap().isEmpty()) {
      vault.put("caProvider", Map.of("type", "ConfigMap", "name", cluster.openBaoCaConfigMap(), "key", "ca.crt"));
    }
    vault.put("auth", Map.of("kubernetes", kubernetesAuth));
    return custom(new SecretStoreResource(), app, Names.secretStore(ref), Map.of("provider", Map.of("vault", vault)), Map.of());
  }

  private ExternalSecretResource platformExternalSecret(App app, AppRef ref, List<String> keys, long kvVersion) {
    List<Map<String, Object>> data = keys.stream().map(key -> item(ref, key, key)).toList();
    return externalSecret(app, ref, Names.platformSecret(ref), Map.of(), data, kvVersion);
  }

  private ExternalSecretResource registryExternalSecret(App app, AppRef ref, long kvVersion) {
    // Harbor robot names hold '$' and '+', which is fine inside JSON strings.
    String dockerConfig = "{\"auths\":{\"" + cluster.registryHost() + "\":{"
        + "\"username\":\"{{ .username }}\",\"password\":\"{{ .password }}\","
        + "\"auth\":\"{{ printf \"%s:%s\" .username .password | b64enc }}\"}}}";
    Map<String, Object> template = new LinkedHashMap<>();
    template.put("type", "kubernetes.io/dockerconfigjson");
    template.put("engineVersion", "v2");
    template.put("data", Map.of(".dockerconfigjson", dockerConfig));
    return externalSecret(app, ref, Names.registrySecret(ref), Map.of("template", template),
        List.of(item(ref, "username", PlatformKeys.REGISTRY_USERNAME), item(ref, "password", PlatformKeys.REGISTRY_PASSWORD)),
        kvVersion);
  }

  /**
   * An ExternalSecret that makes Secret {@code name} (owned by it, deleted with it) from the
   * app's OpenBao entry through the app's SecretStore. ESO syncs it when its annotations change
   * (the secret's version, bumped on every change of the entry) and otherwise only every
   * secretRefreshInterval, a safety net: a sync costs an OpenBao login and a read per key.
   */
  private ExternalSecretResource externalSecret(App app, AppRef ref, String name, Map<String, Object> extraTarget,
                                                   List<?> data, long kvVersion) {
    Map<String, Object> target = new LinkedHashMap<>();
    target.put("name", name);
    target.put("creationPolicy", "Owner");
    target.put("deletionPolicy", "Delete");
    target.putAll(extraTarget);
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("refreshPolicy", "Periodic");
    spec.put("refreshInterval", cluster.secretRefreshInterval());
    spec.put("secretStoreRef", Map.of("kind", "SecretStore", "name", Names.secretStore(ref)));
    spec.put("target", target);
    spec.put("data", data);
    return custom(new ExternalSecretResource(), app, name, spec, versionAnnotation(kvVersion));
  }

  /** One key of the Secret, taken from one property of the app's OpenBao entry. */
  private static Map<String, Object> item(AppRef ref, String secretKey, String property) {
    return Map.of("secretKey", secretKey, "remoteRef", Map.of("key", Names.kvPath(ref), "property", property));
  }

  private HasMetadata networkPolicy(App app, AppRef ref) {
    var spec = app.getSpec();
    List<NetworkPolicyEgressRule> rules = new ArrayList<>();
    rules.add(new NetworkPolicyEgressRuleBuilder()
        .addToTo(new NetworkPolicyPeerBuilder()
            .withNamespaceSelector(new LabelSelectorBuilder().addToMatchLabels("kubernetes.io/metadata.name", "kube-system").build())
            .withPodSelector(new LabelSelectorBuilder().addToMatchLabels("k8s-app", "kube-dns").build()).build())
        .addToPorts(new NetworkPolicyPortBuilder().withProtocol("UDP").withPort(new IntOrString(53)).build())
        .addToPorts(new NetworkPolicyPortBuilder().withProtocol("TCP").withPort(new IntOrString(53)).build())
        .build());
    for (ClusterSettings.EgressTarget target : cluster.egress()) {
      boolean wanted = switch (target.name()) {
        case "mysql" -> spec.mysqlEnabled();
        case "redis" -> spec.redisEnabled();
        case "keycloak", "keycloak-public" -> spec.oidcEnabled();
        default -> true;
      };
      if (!wanted) {
        continue;
      }
      var peer = new NetworkPolicyPeerBuilder().withNamespaceSelector(
          new LabelSelectorBuilder().addToMatchLabels("kubernetes.io/metadata.name", target.namespace()).build());
      if (!target.podLabels().isEmpty()) {
        peer.withPodSelector(new LabelSelectorBuilder().withMatchLabels(target.podLabels()).build());
      }
      var rule = new NetworkPolicyEgressRuleBuilder().addToTo(peer.build());
      target.tcpPorts().forEach(p -> rule.addToPorts(new NetworkPolicyPortBuilder().withProtocol("TCP").withPort(new IntOrString(p)).build()));
      rules.add(rule.build());
    }
    return new NetworkPolicyBuilder()
        .withMetadata(meta(app, Names.networkPolicy(ref), Map.of(), Map.of()))
        .withNewSpec()
        .withPodSelector(new LabelSelectorBuilder().addToMatchLabels(POD_NAME_LABEL, ref.name()).build())
        .withPolicyTypes("Egress")
        .withEgress(rules)
        .endSpec()
        .build();
  }

  private <T extends CustomResource<LinkedHashMap<String, Object>, ?>> T custom(T r, App app, String name,
      Map<String, Object> spec, Map<String, String> annotations) {
    r.setMetadata(meta(app, name, Map.of(), annotations));
    r.setSpec(new LinkedHashMap<>(spec));
    return r;
  }

  private static Map<String, String> versionAnnotation(long kvVersion) {
    return Map.of("platform.wharf.dev/secret-version", Long.toString(kvVersion));
  }

  private static ObjectMeta meta(App app, String name, Map<String, String> extraLabels, Map<String, String> annotations) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("app.kubernetes.io/managed-by", Names.MANAGED_BY);
    labels.put("app.kubernetes.io/part-of", app.getMetadata().getName());
    labels.put(Names.APP_LABEL, app.getMetadata().getName());
    labels.putAll(extraLabels);
    ObjectMetaBuilder meta = new ObjectMetaBuilder()
        .withName(name)
        .withNamespace(app.getMetadata().getNamespace())
        .withLabels(labels)
        .withOwnerReferences(new OwnerReferenceBuilder()
            .withApiVersion(app.getApiVersion())
            .withKind(app.getKind())
            .withName(app.getMetadata().getName())
            .withUid(app.getMetadata().getUid())
            .withController(true)
            .withBlockOwnerDeletion(true)
            .build());
    if (!annotations.isEmpty()) {
      meta.withAnnotations(new LinkedHashMap<>(annotations));
    }
    return meta.build();
  }
}
