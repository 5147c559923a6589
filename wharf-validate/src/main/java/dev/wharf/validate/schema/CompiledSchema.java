package dev.wharf.validate.schema;

/**
 * A schema ready to validate objects of one apiVersion/kind. {@code objectMeta}, when set,
 * checks metadata of custom resources (whose CRD schemas leave metadata open) against the
 * Kubernetes ObjectMeta schema. {@code source} says where the schema came from.
 */
public record CompiledSchema(SchemaNode root, SchemaNode objectMeta, String source) {}
