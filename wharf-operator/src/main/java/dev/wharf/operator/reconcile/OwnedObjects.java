package dev.wharf.operator.reconcile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wharf.api.App;
import dev.wharf.core.Names;
import dev.wharf.operator.model.ExternalSecretResource;
import dev.wharf.operator.model.SecretStoreResource;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.Mappers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The objects the operator makes in app namespaces, as informers see them: one watch per kind,
 * selected by the operator's managed-by label, so a resync reads them from memory instead of
 * asking the API server for each. A change someone else makes to one of them (an edit, a
 * deletion) reconciles the App that controls it at once; the operator's own writes are put into
 * the caches as they are made, so the next reconcile sees them and their watch events start
 * no reconcile of their own. Status-only changes (ESO reporting a sync) start none either.
 */
public final class OwnedObjects {
  /** Every object the operator makes carries it (DesiredObjects); a label selector RBAC cannot narrow, but the watch can. */
  public static final String SELECTOR = "app.kubernetes.io/managed-by=" + Names.MANAGED_BY;
  /** The kinds, in the order the ServiceAccount-first desired list uses. */
  public static final List<Class<? extends HasMetadata>> KINDS = List.of(ServiceAccount.class, SecretStoreResource.class,
      ExternalSecretResource.class, ConfigMap.class, NetworkPolicy.class);
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private final Map<Class<?>, InformerEventSource<? extends HasMetadata, App>> sources = new ConcurrentHashMap<>();

  /** The informers for the App controller; JOSDK starts them with it and waits until they have synced. */
  public List<EventSource<?, App>> eventSources(EventSourceContext<App> context) {
    List<EventSource<?, App>> out = new ArrayList<>();
    for (Class<? extends HasMetadata> kind : KINDS) {
      out.add(source(kind, context));
    }
    return out;
  }

  private <R extends HasMetadata> InformerEventSource<R, App> source(Class<R> kind, EventSourceContext<App> context) {
    var config = InformerEventSourceConfiguration.from(kind, App.class)
        .withName("owned-" + kind.getSimpleName())
        .withLabelSelector(SELECTOR)
        .withSecondaryToPrimaryMapper(Mappers.<R>fromOwnerReferences(App.class))
        // An object appearing needs nothing done: the operator made it (its own create's event
        // can outrun the answer that puts it into the cache), or the start lists it (every App
        // is reconciled at start anyway). Edits and deletions are what it repairs.
        .withOnAddFilter(added -> false)
        .withOnUpdateFilter((newer, older) -> !sameBesidesStatus(newer, older))
        .build();
    InformerEventSource<R, App> source = new InformerEventSource<>(config, context);
    sources.put(kind, source);
    return source;
  }

  /** The object of this kind, namespace and name as the cache holds it; empty when not cached (or not ours). */
  public <R extends HasMetadata> Optional<R> get(Class<R> kind, String namespace, String name) {
    return source(kind).get(new ResourceID(name, namespace));
  }

  /** Puts what the API server answered to a create into the cache. */
  public <R extends HasMetadata> void created(R created) {
    source(kindOf(created)).handleRecentResourceCreate(ResourceID.fromResource(created), created);
  }

  /** Puts what the API server answered to a patch into the cache, in place of {@code previous}. */
  public <R extends HasMetadata> void updated(R updated, R previous) {
    source(kindOf(updated)).handleRecentResourceUpdate(ResourceID.fromResource(updated), updated, previous);
  }

  @SuppressWarnings("unchecked")
  private static <R extends HasMetadata> Class<R> kindOf(R object) {
    return (Class<R>) object.getClass();
  }

  @SuppressWarnings("unchecked")
  private <R extends HasMetadata> InformerEventSource<R, App> source(Class<R> kind) {
    var source = (InformerEventSource<R, App>) sources.get(kind);
    if (source == null) {
      throw new IllegalStateException("no informer for " + kind.getSimpleName() + ": the operator has not started");
    }
    return source;
  }

  /** True when two versions of an object differ only in status and bookkeeping the server keeps. */
  static boolean sameBesidesStatus(HasMetadata newer, HasMetadata older) {
    return withoutStatus(newer).equals(withoutStatus(older));
  }

  private static ObjectNode withoutStatus(HasMetadata o) {
    var node = SERIALIZATION.convertValue(o, ObjectNode.class);
    node.remove("status");
    if (node.get("metadata") instanceof ObjectNode meta) {
      meta.remove("resourceVersion");
      meta.remove("managedFields");
    }
    return node;
  }
}
