package dev.wharf.operator.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wharf.provisioning.AppRef;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The fields of an App's objects in its namespace that the operator manages, and how they go
 * onto an object the API server holds: its labels and annotations (by key), its pull secret
 * among the ServiceAccount's others, its automountServiceAccountToken, its dashboard in the
 * ConfigMap (by data key), and the whole spec of the objects only Wharf writes to
 * (NetworkPolicy, SecretStore, ExternalSecret). Whatever else is there (labels, annotations,
 * finalizers, list entries added by other tools, defaults the server filled in) stays. Pure: no I/O.
 */
public final class ManagedFields {
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private ManagedFields() {}

  /** True when the App's controller owner reference is on {@code object}: only then may the operator change it. */
  public static boolean controlledBy(HasMetadata object, String appUid) {
    return object.getMetadata().getOwnerReferences().stream()
        .anyMatch(r -> Boolean.TRUE.equals(r.getController()) && Objects.equals(r.getUid(), appUid));
  }

  /** The controller owner reference on {@code object}, if any: who made it. */
  public static Optional<OwnerReference> controller(HasMetadata object) {
    return object.getMetadata().getOwnerReferences().stream().filter(r -> Boolean.TRUE.equals(r.getController())).findFirst();
  }

  /**
   * {@code have} with the managed fields of {@code want} written over it; empty when
   * {@code have} already holds them, so an unchanged object is never written.
   */
  public static Optional<HasMetadata> applied(HasMetadata have, HasMetadata want, AppRef app) {
    ObjectNode before = SERIALIZATION.convertValue(have, ObjectNode.class);
    ObjectNode after = before.deepCopy();
    ObjectNode wanted = SERIALIZATION.convertValue(want, ObjectNode.class);
    putEntries(after, wanted, "metadata", "labels");
    putEntries(after, wanted, "metadata", "annotations");
    switch (want.getKind()) {
      case "ServiceAccount" -> {
        if (wanted.has("automountServiceAccountToken")) {
          after.set("automountServiceAccountToken", wanted.get("automountServiceAccountToken"));
        }
        pullSecrets(after, wanted, AppNames.registrySecret(app));
      }
      case "ConfigMap" -> putEntries(after, wanted, "data");
      default -> {
        if (!contains(after.path("spec"), wanted.path("spec"))) {
          after.set("spec", wanted.path("spec"));
        }
      }
    }
    return after.equals(before) ? Optional.empty() : Optional.of(SERIALIZATION.convertValue(after, have.getClass()));
  }

  /** Puts the entries of {@code wanted}'s map at {@code path} into {@code into}'s, keeping the others. */
  private static void putEntries(ObjectNode into, ObjectNode wanted, String... path) {
    JsonNode entries = wanted;
    ObjectNode target = into;
    for (String segment : path) {
      entries = entries.path(segment);
    }
    if (!entries.isObject() || entries.isEmpty()) {
      return;
    }
    for (String segment : path) {
      target = target.has(segment) && target.get(segment).isObject() ? (ObjectNode) target.get(segment) : target.putObject(segment);
    }
    ObjectNode map = target;
    entries.properties().forEach(e -> map.set(e.getKey(), e.getValue()));
  }

  /**
   * The ServiceAccount's pull secrets: the App's own ({@code managed}) is there when wanted and
   * gone when not; the others stay, in their order.
   */
  private static void pullSecrets(ObjectNode into, ObjectNode wanted, String managed) {
    ArrayNode list = into.has("imagePullSecrets") && into.get("imagePullSecrets").isArray()
        ? (ArrayNode) into.get("imagePullSecrets") : JsonNodeFactory.instance.arrayNode();
    boolean want = false;
    for (JsonNode entry : wanted.path("imagePullSecrets")) {
      want |= managed.equals(entry.path("name").asText());
    }
    boolean have = false;
    for (Iterator<JsonNode> it = list.iterator(); it.hasNext(); ) {
      if (managed.equals(it.next().path("name").asText())) {
        if (want && !have) {
          have = true;
        } else {
          it.remove();
        }
      }
    }
    if (want && !have) {
      list.addObject().put("name", managed);
    }
    if (!list.isEmpty() || into.has("imagePullSecrets")) {
      into.set("imagePullSecrets", list);
    }
  }

  /**
   * True when every field of {@code want} has the same value in {@code have}. Extra fields in
   * {@code have} (defaults the API server filled in) are fine; lists must match in length.
   */
  public static boolean contains(JsonNode have, JsonNode want) {
    if (want.isObject()) {
      if (!have.isObject()) {
        return false;
      }
      for (Map.Entry<String, JsonNode> e : want.properties()) {
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
}
