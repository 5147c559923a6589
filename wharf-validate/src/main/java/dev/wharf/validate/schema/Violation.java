package dev.wharf.validate.schema;

/** One schema violation: rule id (schema-*), JSON path in the object, what is wrong. */
public record Violation(String rule, String path, String message) {}
