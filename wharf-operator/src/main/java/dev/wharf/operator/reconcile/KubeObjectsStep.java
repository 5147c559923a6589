package dev.wharf.operator.reconcile;

import dev.wharf.api.App;
import dev.wharf.core.AppRef;
import dev.wharf.core.Names;
import dev.wharf.operator.model.DesiredObjects;
import dev.wharf.operator.model.ExternalSecretResource;
import dev.wharf.operator.model.ManagedFields;
import dev.wharf.operator.model.SecretStoreResource;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Makes the app namespace hold the desired objects, reading what is there from the informer
 * caches ({@link OwnedObjects}), so an unchanged App costs the API server nothing. What is
 * absent is created. What exists is changed only when the App is its controller owner, and then
 * only in the fields the operator manages ({@link ManagedFields}), by a JSON Patch that expects
 * the version it read: an object another tool edited meanwhile is not overwritten (the 409 is
 * retried on the next pass). An object of the same name that something else made is not in the
 * caches (it lacks the operator's label): the create answers 409, the object is read, left as
 * it is, and the App is refused with reason NameTaken. Objects the App controls that are no
 * longer wanted (a capability was disabled) are deleted.
 */
public final class KubeObjectsStep {
  static final ResourceDefinitionContext SECRET_STORE = ResourceDefinitionContext.fromResourceType(SecretStoreResource.class);
  static final ResourceDefinitionContext EXTERNAL_SECRET = ResourceDefinitionContext.fromResourceType(ExternalSecretResource.class);

  private final KubernetesClient client;
  private final DesiredObjects model;
  private final OwnedObjects cache;

  public KubeObjectsStep(KubernetesClient client, DesiredObjects model, OwnedObjects cache) {
    this.client = client;
    this.model = model;
    this.cache = cache;
  }

  /** The informers that fill the caches, for the App controller. */
  public List<EventSource<?, App>> eventSources(EventSourceContext<App> context) {
    return cache.eventSources(context);
  }

  /** Every object but the ExternalSecrets: none of them depends on the stored secret. */
  public void ensureNamespaceObjects(AppRun run) {
    ensure(run, model.namespaceObjects(run.app()), kind -> kind != ExternalSecretResource.class);
  }

  /** The ExternalSecrets, which carry {@code kvVersion}, the version of the app's stored secret. */
  public void ensureExternalSecrets(AppRun run, long kvVersion) {
    ensure(run, model.externalSecrets(run.app(), kvVersion), kind -> kind == ExternalSecretResource.class);
  }

  /** Applies {@code desired}; deletes what the App controls of {@code kinds} that it no longer wants. */
  private void ensure(AppRun run, List<HasMetadata> desired, Predicate<Class<?>> kinds) {
    // The objects are independent: apply them side by side, then report the first failure.
    Parallel.runAll(desired.stream().<Runnable>map(want -> () -> apply(run, want)).toList(), "applying objects of " + run.ref());
    for (Possible p : possible(run.ref())) {
      boolean wanted = desired.stream().anyMatch(d -> d.getClass() == p.kind() && d.getMetadata().getName().equals(p.name()));
      if (kinds.test(p.kind()) && !wanted) {
        cache.get(p.kind(), run.ref().namespace(), p.name())
            .filter(have -> ManagedFields.controlledBy(have, uid(run)))
            .ifPresent(this::delete);
      }
    }
  }

  private void apply(AppRun run, HasMetadata want) {
    String ns = want.getMetadata().getNamespace();
    String name = want.getMetadata().getName();
    Optional<? extends HasMetadata> cached = cache.get(want.getClass(), ns, name);
    HasMetadata have;
    if (cached.isPresent()) {
      have = cached.get();
    } else {
      // Not in the cache: most likely absent. Create it; read it only if the name is taken
      // after all (someone else's object, or one of ours whose label was removed).
      if (created(want)) {
        return;
      }
      have = client.resources(want.getClass()).inNamespace(ns).withName(name).get();
      if (have == null) {
        throw new KubernetesClientException(want.getKind() + " " + ns + "/" + name + " was deleted while it was created; retried on the next pass");
      }
    }
    if (!ManagedFields.controlledBy(have, uid(run))) {
      throw nameTaken(run, have);
    }
    HasMetadata current = have;
    ManagedFields.applied(have, want, run.ref()).ifPresent(changed -> patch(current, changed));
  }

  /** Creates {@code want}; false when an object of its name exists already (409). */
  private boolean created(HasMetadata want) {
    try {
      cache.created(client.resource(want).create());
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
    return new StepFailure.Refusal(Reason.NAME_TAKEN, have.getKind() + " " + have.getMetadata().getNamespace() + "/"
        + have.getMetadata().getName() + " already exists and is " + owner + ", not by App " + run.ref()
        + ": rename or delete that " + have.getKind() + ", or rename the App (its objects are named after it: "
        + Names.serviceAccount(run.ref()) + ", " + Names.secretStore(run.ref()) + ", "
        + Names.platformSecret(run.ref()) + ", " + Names.registrySecret(run.ref()) + ", "
        + Names.dashboardConfigMap(run.ref()) + ", " + Names.networkPolicy(run.ref()) + ")");
  }

  private static String uid(AppRun run) {
    return run.app().getMetadata().getUid();
  }

  private record Possible(Class<? extends HasMetadata> kind, String name) {}

  /** Every object an App of this name could own. */
  private static List<Possible> possible(AppRef ref) {
    return List.of(
        new Possible(ServiceAccount.class, Names.serviceAccount(ref)),
        new Possible(SecretStoreResource.class, Names.secretStore(ref)),
        new Possible(ExternalSecretResource.class, Names.platformSecret(ref)),
        new Possible(ExternalSecretResource.class, Names.registrySecret(ref)),
        new Possible(ConfigMap.class, Names.dashboardConfigMap(ref)),
        new Possible(NetworkPolicy.class, Names.networkPolicy(ref)));
  }

  /**
   * A JSON Patch from {@code have} to {@code changed}; it carries the resourceVersion read, so
   * the API server refuses it (409) if the object changed since.
   */
  @SuppressWarnings("unchecked")
  private <T extends HasMetadata> void patch(T have, HasMetadata changed) {
    cache.updated(client.resource(have).edit(x -> (T) changed), have);
  }

  private void delete(HasMetadata o) {
    client.resource(o).delete();
  }
}
