package dev.wharf.validate.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** Somewhere schemas come from: a directory, the network (with a cache), built-ins. */
public interface SchemaSource {
  /** The raw JSON Schema for {@code gvk}, if this source has it, and a label for messages. */
  Optional<Found> find(Gvk gvk);

  record Found(JsonNode schema, String from) {}
}
