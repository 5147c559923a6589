package dev.wharf.operator.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wharf.operator.model.AppNames;
import dev.wharf.operator.model.DesiredObjects;
import dev.wharf.provisioning.AppRef;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Makes the app namespace hold exactly the desired objects: creates what is missing, updates
 * what differs (compared field by field, so an unchanged object is not written), and deletes
 * objects of ours that are no longer wanted (a capability was disabled). Plain create/update,
 * no server-side apply.
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

  public void ensure(AppRun run) {
    List<HasMetadata> desired = model.build(run.app(), run.kvVersion());
    // The objects are independent: apply them side by side, then report the first failure.
    Parallel.runAll(desired.stream().<Runnable>map(want -> () -> apply(want)).toList(), "applying objects of " + run.ref());
    for (String[] kindAndName : possible(run.ref())) {
      boolean wanted = desired.stream().anyMatch(d -> d.getKind().equals(kindAndName[0])
          && d.getMetadata().getName().equals(kindAndName[1]));
      if (!wanted) {
        HasMetadata have = get(kindAndName[0], run.ref().namespace(), kindAndName[1]);
        if (have != null && ownedBy(have, run)) {
          delete(have);
        }
      }
    }
  }

  private void apply(HasMetadata want) {
    HasMetadata have = get(want.getKind(), want.getMetadata().getNamespace(), want.getMetadata().getName());
    if (have == null) {
      create(want);
    } else if (!contains(json(have), json(want))) {
      want.getMetadata().setResourceVersion(have.getMetadata().getResourceVersion());
      update(want);
    }
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

  private static boolean ownedBy(HasMetadata o, AppRun run) {
    return o.getMetadata().getOwnerReferences().stream()
        .anyMatch(r -> Objects.equals(r.getUid(), run.app().getMetadata().getUid()));
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
    resource(o).create();
  }

  private void update(HasMetadata o) {
    resource(o).update();
  }

  private void delete(HasMetadata o) {
    resource(o).delete();
  }

  /** The ESO kinds have no Java type here, so the client needs their definition; the others it knows. */
  private Resource<? extends HasMetadata> resource(HasMetadata o) {
    if (o instanceof GenericKubernetesResource g) {
      return client.genericKubernetesResources(g.getKind().equals("SecretStore") ? SECRET_STORE : EXTERNAL_SECRET).resource(g);
    }
    return client.resource(o);
  }

  private static JsonNode json(HasMetadata o) {
    JsonNode n = Serialization.jsonMapper().valueToTree(o);
    ((com.fasterxml.jackson.databind.node.ObjectNode) n.path("metadata")).remove(
        List.of("resourceVersion", "uid", "creationTimestamp", "generation", "managedFields"));
    return n;
  }

  /**
   * True when every field of {@code want} has the same value in {@code have}. Extra fields in
   * {@code have} (defaults the API server filled in, labels others added) are fine.
   */
  static boolean contains(JsonNode have, JsonNode want) {
    if (want.isObject()) {
      if (!have.isObject()) {
        return false;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = want.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getValue().isNull() || (e.getValue().isContainerNode() && e.getValue().isEmpty())) {
          continue;
        }
        if (!have.has(e.getKey()) || !contains(have.get(e.getKey()), e.getValue())) {
          return false;
        }
      }
      return true;
    }
    if (want.isArray()) {
      if (!have.isArray() || have.size() != want.size()) {
        return false;
      }
      for (int i = 0; i < want.size(); i++) {
        if (!contains(have.get(i), want.get(i))) {
          return false;
        }
      }
      return true;
    }
    return want.equals(have);
  }

  private static ResourceDefinitionContext eso(String kind, String plural) {
    return new ResourceDefinitionContext.Builder().withGroup(DesiredObjects.ESO_GROUP).withVersion(DesiredObjects.ESO_VERSION)
        .withKind(kind).withPlural(plural).withNamespaced(true).build();
  }
}
