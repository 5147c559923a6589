package dev.wharf.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Adds to a generated schema what the generator's annotations cannot say (a list's type and
 * keys, its items' lengths): the {@code @SchemaCustomizer} input is merged into the schema key
 * by key at every depth, so the generated parts stay (the generator's own merge patch replaces
 * nested objects whole). Used by the CRD generator only, at build time.
 */
public final class SchemaAdditions implements SchemaCustomizer.Customizer {
  @Override
  public JSONSchemaProps apply(JSONSchemaProps props, String input, KubernetesSerialization serialization) {
    ObjectNode schema = serialization.convertValue(props, ObjectNode.class);
    merge(schema, serialization.unmarshal(input, ObjectNode.class));
    return serialization.convertValue(schema, JSONSchemaProps.class);
  }

  private static void merge(ObjectNode into, JsonNode additions) {
    additions.properties().forEach(e -> {
      JsonNode existing = into.get(e.getKey());
      if (existing instanceof ObjectNode o && e.getValue().isObject()) {
        merge(o, e.getValue());
      } else {
        into.set(e.getKey(), e.getValue());
      }
    });
  }
}
