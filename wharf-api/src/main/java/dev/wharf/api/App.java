package dev.wharf.api;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.Annotations;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * An application on the Wharf platform. One App in the app's namespace gets the app its MySQL
 * database and user, Redis ACL user, Keycloak client, Harbor pull access, OpenBao secrets and
 * dashboards.
 */
@Group(App.GROUP)
@Version(App.VERSION)
@Kind("App")
@Plural("apps")
@Singular("app")
@ShortNames("wapp")
// kubectl shows the columns in this order (CrdGeneration keeps it).
@AdditionalPrinterColumn(name = "Ready", type = AdditionalPrinterColumn.Type.STRING,
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].status")
@AdditionalPrinterColumn(name = "Reason", type = AdditionalPrinterColumn.Type.STRING,
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].reason")
@AdditionalPrinterColumn(name = "Team", type = AdditionalPrinterColumn.Type.STRING, jsonPath = ".spec.team")
@AdditionalPrinterColumn(name = "Age", type = AdditionalPrinterColumn.Type.DATE, jsonPath = ".metadata.creationTimestamp")
// Removing the CRD deletes every App and so revokes every credential: Flux must never do that
// because the file left git. docs/operator.md says how to retire it on purpose.
@Annotations("kustomize.toolkit.fluxcd.io/prune=disabled")
public class App extends CustomResource<AppSpec, AppStatus> implements Namespaced {
  public static final String GROUP = "platform.wharf.dev";
  public static final String VERSION = "v1alpha1";
  /** Changing this annotation's value asks the operator to rotate every credential of the app. */
  public static final String ROTATE_ANNOTATION = "platform.wharf.dev/rotate";

  public App() {}

  public App(String namespace, String name, AppSpec spec) {
    getMetadata().setNamespace(namespace);
    getMetadata().setName(name);
    setSpec(spec);
  }

  /** No status until the operator writes one: a new App must not claim an empty status. */
  @Override
  protected AppStatus initStatus() {
    return null;
  }
}
