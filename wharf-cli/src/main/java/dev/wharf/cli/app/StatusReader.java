package dev.wharf.cli.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wharf.api.App;
import dev.wharf.cli.UserError;
import dev.wharf.cli.app.StatusReport.Link;
import dev.wharf.cli.app.StatusReport.Part;
import dev.wharf.cli.app.StatusReport.State;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads an App and what it depends on with the user's own credentials: the App, the team's
 * Flux Kustomization, the Canary (when the app uses progressive delivery) and the Deployment
 * that serves, the ExternalSecret behind Secret {@code <app>-platform} (never the Secret's
 * values), and the platform's links (ConfigMap {@code kube-public/wharf-platform}).
 */
final class StatusReader {
  static final ResourceDefinitionContext KUSTOMIZATION = context("kustomize.toolkit.fluxcd.io", "v1", "Kustomization", "kustomizations");
  static final ResourceDefinitionContext CANARY = context("flagger.app", "v1beta1", "Canary", "canaries");
  static final ResourceDefinitionContext EXTERNAL_SECRET = context("external-secrets.io", "v1", "ExternalSecret", "externalsecrets");
  /** Where the tree puts the Flux Kustomizations of the teams' apps (gitops/clusters/<env>/apps.yaml). */
  static final String FLUX_NAMESPACE = "flux-system";
  /** The platform's public settings (gitops/services/wharf-operator/platform-info.yaml). */
  static final String PLATFORM_INFO_NAMESPACE = "kube-public";
  static final String PLATFORM_INFO = "wharf-platform";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final KubernetesClient client;

  StatusReader(KubernetesClient client) {
    this.client = client;
  }

  StatusReport read(String namespace, String name) {
    App app = client.resources(App.class).inNamespace(namespace).withName(name).get();
    if (app == null) {
      throw new UserError("there is no App " + name + " in namespace " + namespace + ": check the name and the"
          + " namespace (kubectl get apps -n " + namespace + ")", 1);
    }
    String team = app.getSpec() != null && app.getSpec().getTeam() != null ? app.getSpec().getTeam() : namespace;
    List<Part> parts = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    parts.add(StatusRules.app(app));
    String kustomization = "apps-" + team;
    parts.add(optional("Kustomization", kustomization,
        () -> generic(KUSTOMIZATION, FLUX_NAMESPACE, kustomization), StatusRules::kustomization,
        "no Flux Kustomization " + FLUX_NAMESPACE + "/" + kustomization + " (is the team's apps entry in gitops/clusters?)"));
    Optional<GenericKubernetesResource> canary = visible(() -> generic(CANARY, namespace, name));
    canary.ifPresent(c -> parts.add(StatusRules.canary(c)));
    // With progressive delivery, Flagger's primary Deployment serves; the app's own is the canary.
    String serving = canary.isPresent() ? name + "-primary" : name;
    parts.add(optional("Deployment", serving,
        () -> client.apps().deployments().inNamespace(namespace).withName(serving).get(), StatusRules::deployment,
        "no Deployment " + serving + " in " + namespace + " (has Flux applied the app's overlay?)"));
    String secret = name + "-platform";
    parts.add(optional("Secret", secret, () -> generic(EXTERNAL_SECRET, namespace, secret), StatusRules::platformSecret,
        "no ExternalSecret " + secret + " yet: the operator makes it once the App's secrets are stored"));
    return new StatusReport(namespace, name, parts, links(namespace, name, team, notes), notes);
  }

  /** A part for an object that may be missing, or not visible to this user. */
  private <T> Part optional(String kind, String name, Supplier<T> get, Function<T, Part> rule, String missing) {
    try {
      T object = get.get();
      return object == null ? new Part(kind, name, State.UNKNOWN, missing) : rule.apply(object);
    } catch (KubernetesClientException e) {
      if (e.getCode() == 403) {
        return new Part(kind, name, State.UNKNOWN, "not visible to you (forbidden): your team's role should allow reading"
            + " it; ask the platform team");
      }
      throw e;
    }
  }

  private <T> Optional<T> visible(Supplier<T> get) {
    try {
      return Optional.ofNullable(get.get());
    } catch (KubernetesClientException e) {
      if (e.getCode() == 403 || e.getCode() == 404) {
        return Optional.empty(); // no Flagger on this cluster, or not readable: the plain Deployment then
      }
      throw e;
    }
  }

  private List<Link> links(String namespace, String name, String team, List<String> notes) {
    Map<String, String> info = visible(() -> client.configMaps().inNamespace(PLATFORM_INFO_NAMESPACE)
        .withName(PLATFORM_INFO).get()).map(ConfigMap::getData).orElse(Map.of());
    if (info.isEmpty()) {
      notes.add("no links: ConfigMap " + PLATFORM_INFO_NAMESPACE + "/" + PLATFORM_INFO + " is missing or not readable");
      return List.of();
    }
    List<Link> links = new ArrayList<>();
    String grafana = info.get("grafanaUrl");
    if (grafana != null) {
      dashboardUid(namespace, name).ifPresentOrElse(
          uid -> links.add(new Link("Dashboard", trim(grafana) + "/d/" + uid)),
          () -> links.add(new Link("Grafana", trim(grafana) + "/dashboards?tag=" + namespace)));
    }
    String harbor = info.get("harborUrl");
    if (harbor != null) {
      links.add(new Link("Harbor", trim(harbor) + "/harbor/projects?name=" + team));
    }
    return links;
  }

  /** The uid in the App's dashboard ConfigMap ({@code <app>-dashboard}), made by the operator. */
  private Optional<String> dashboardUid(String namespace, String name) {
    return visible(() -> client.configMaps().inNamespace(namespace).withName(name + "-dashboard").get())
        .flatMap(cm -> cm.getData() == null ? Optional.empty() : cm.getData().values().stream().findFirst())
        .flatMap(json -> {
          try {
            JsonNode uid = JSON.readTree(json).path("uid");
            return uid.isTextual() ? Optional.of(uid.asText()) : Optional.empty();
          } catch (IOException e) {
            return Optional.empty();
          }
        });
  }

  private GenericKubernetesResource generic(ResourceDefinitionContext type, String namespace, String name) {
    return client.genericKubernetesResources(type).inNamespace(namespace).withName(name).get();
  }

  private static ResourceDefinitionContext context(String group, String version, String kind, String plural) {
    return new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version).withKind(kind)
        .withPlural(plural).withNamespaced(true).build();
  }

  private static String trim(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
