package dev.wharf.operator.reconcile;

import dev.wharf.operator.model.AppNames;
import dev.wharf.operator.model.DesiredObjects;
import dev.wharf.operator.model.ManagedFields;
import dev.wharf.provisioning.AppRef;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.List;
import java.util.function.Predicate;

/**
 * Makes the app namespace hold the desired objects. What is absent is created. What exists is
 * changed only when the App is its controller owner, and then only in the fields the operator
 * manages ({@link ManagedFields}), by a JSON Patch that expects the version it read: an object
 * another tool edited meanwhile is not overwritten (the 409 is retried on the next pass). An
 * object of the same name that something else made is left as it is and the App is refused
 * with reason NameTaken. Objects the App controls that are no longer wanted (a capability was
 * disabled) are deleted.
 */
public final class KubeObjectsStep {
  static final ResourceDefinitionContext SECRET_STORE = eso("SecretStore", "secretstores");
  static final ResourceDefinitionContext EXTERNAL_SECRET = eso("ExternalSecret", "externalsecrets");

  private final KubernetesClient client;
  private final DesiredObjects model;

  public KubeObjectsStep(KubernetesClient client, DesiredObjects model) {
    this.client = client;
    this.model = model;
  }

  /** Every object but the ExternalSecrets: none of them depends on the stored secret. */
  public void ensureNamespaceObjects(AppRun run) {
    ensure(run, kind -> !kind.equals("ExternalSecret"));
  }

  /** The ExternalSecrets, which carry the version of the app's stored secret (run.kvVersion()). */
  public void ensureExternalSecrets(AppRun run) {
    ensure(run, kind -> kind.equals("ExternalSecret"));
  }

  private void ensure(AppRun run, Predicate<String> kinds) {
    List<HasMetadata> desired = model.build(run.app(), run.kvVersion()).stream().filter(o -> kinds.test(o.getKind())).toList();
    // The objects are independent: apply them side by side, then report the first failure.
    Parallel.runAll(desired.stream().<Runnable>map(want -> () -> apply(run, want)).toList(), "applying objects of " + run.ref());
    for (String[] kindAndName : possible(run.ref())) {
      boolean wanted = desired.stream().anyMatch(d -> d.getKind().equals(kindAndName[0])
          && d.getMetadata().getName().equals(kindAndName[1]));
      if (kinds.test(kindAndName[0]) && !wanted) {
        HasMetadata have = get(kindAndName[0], run.ref().namespace(), kindAndName[1]);
        if (have != null && ManagedFields.controlledBy(have, uid(run))) {
          delete(have);
        }
      }
    }
  }

  private void apply(AppRun run, HasMetadata want) {
    // An App not provisioned yet most likely has none of its objects: create without reading
    // first, and read only if the name is taken after all.
    if (!run.provisionedBefore() && created(want)) {
      return;
    }
    HasMetadata have = get(want.getKind(), want.getMetadata().getNamespace(), want.getMetadata().getName());
    if (have == null) {
      create(want);
    } else if (!ManagedFields.controlledBy(have, uid(run))) {
      throw nameTaken(run, have);
    } else {
      ManagedFields.applied(have, want, run.ref()).ifPresent(changed -> patch(have, changed));
    }
  }

  /** Creates {@code want}; false when an object of its name exists already (409). */
  private boolean created(HasMetadata want) {
    try {
      create(want);
      return true;
    } catch (KubernetesClientException e) {
      if (e.getCode() == 409) {
        return false;
      }
      throw e;
    }
  }

  private static StepFailure.Refusal nameTaken(AppRun run, HasMetadata have) {
    String owner = ManagedFields.controller(have).map(r -> "controlled by " + r.getKind() + " " + r.getName())
        .orElse("not made by the operator");
    return new StepFailure.Refusal(StepFailure.NAME_TAKEN, have.getKind() + " " + have.getMetadata().getNamespace() + "/"
        + have.getMetadata().getName() + " already exists and is " + owner + ", not by App " + run.ref()
        + ": rename or delete that " + have.getKind() + ", or rename the App (its objects are named after it: "
        + AppNames.serviceAccount(run.ref()) + ", " + AppNames.secretStore(run.ref()) + ", "
        + AppNames.platformSecret(run.ref()) + ", " + AppNames.registrySecret(run.ref()) + ", "
        + AppNames.dashboardConfigMap(run.ref()) + ", " + AppNames.networkPolicy(run.ref()) + ")");
  }

  private static String uid(AppRun run) {
    return run.app().getMetadata().getUid();
  }

  /** Every object an App of this name could own. */
  private static List<String[]> possible(AppRef ref) {
    return List.of(
        new String[] {"ServiceAccount", AppNames.serviceAccount(ref)},
        new String[] {"SecretStore", AppNames.secretStore(ref)},
        new String[] {"ExternalSecret", AppNames.platformSecret(ref)},
        new String[] {"ExternalSecret", AppNames.registrySecret(ref)},
        new String[] {"ConfigMap", AppNames.dashboardConfigMap(ref)},
        new String[] {"NetworkPolicy", AppNames.networkPolicy(ref)});
  }

  private HasMetadata get(String kind, String ns, String name) {
    return switch (kind) {
      case "ServiceAccount" -> client.serviceAccounts().inNamespace(ns).withName(name).get();
      case "ConfigMap" -> client.configMaps().inNamespace(ns).withName(name).get();
      case "NetworkPolicy" -> client.network().v1().networkPolicies().inNamespace(ns).withName(name).get();
      case "SecretStore" -> client.genericKubernetesResources(SECRET_STORE).inNamespace(ns).withName(name).get();
      case "ExternalSecret" -> client.genericKubernetesResources(EXTERNAL_SECRET).inNamespace(ns).withName(name).get();
      default -> throw new IllegalArgumentException("kind " + kind + " is not managed");
    };
  }

  private void create(HasMetadata o) {
    if (o instanceof GenericKubernetesResource g) {
      client.genericKubernetesResources(context(g)).resource(g).create();
    } else {
      client.resource(o).create();
    }
  }

  /**
   * A JSON Patch from {@code have} to {@code changed}; it carries the resourceVersion read, so
   * the API server refuses it (409) if the object changed since.
   */
  @SuppressWarnings("unchecked")
  private <T extends HasMetadata> void patch(T have, HasMetadata changed) {
    if (have instanceof GenericKubernetesResource g) {
      client.genericKubernetesResources(context(g)).resource(g).edit(x -> (GenericKubernetesResource) changed);
    } else {
      client.resource(have).edit(x -> (T) changed);
    }
  }

  private void delete(HasMetadata o) {
    if (o instanceof GenericKubernetesResource g) {
      client.genericKubernetesResources(context(g)).resource(g).delete();
    } else {
      client.resource(o).delete();
    }
  }

  /** The ESO kinds have no Java type here, so the client needs their definition; the others it knows. */
  private static ResourceDefinitionContext context(GenericKubernetesResource g) {
    return g.getKind().equals("SecretStore") ? SECRET_STORE : EXTERNAL_SECRET;
  }

  private static ResourceDefinitionContext eso(String kind, String plural) {
    return new ResourceDefinitionContext.Builder().withGroup(DesiredObjects.ESO_GROUP).withVersion(DesiredObjects.ESO_VERSION)
        .withKind(kind).withPlural(plural).withNamespaced(true).build();
  }
}
