package dev.wharf.validate;

import java.util.List;

/**
 * Ids of the checks that are not platform policies (see {@link dev.wharf.validate.policy.Policies}
 * for those). Every finding carries one of these ids or a policy id; docs/validate.md lists them.
 */
public final class Rules {
  private Rules() {}

  public static final String YAML_SYNTAX = "yaml-syntax";
  public static final String YAML_DUPLICATE_KEY = "yaml-duplicate-key";
  public static final String YAML_ALIAS_LIMIT = "yaml-alias-limit";
  public static final String YAML_TOO_LARGE = "yaml-too-large";
  public static final String YAML_TOO_DEEP = "yaml-too-deep";
  public static final String NOT_A_RESOURCE = "not-a-resource";
  public static final String RENDER = "render";
  public static final String SCHEMA_MISSING = "schema-missing";
  public static final String SCHEMA_UNKNOWN_FIELD = "schema-unknown-field";
  public static final String SCHEMA_TYPE = "schema-type";
  public static final String SCHEMA_REQUIRED = "schema-required";
  public static final String SCHEMA_VALUE = "schema-value";
  public static final String EXEMPTION = "exemption";

  public static final List<String> ALL = List.of(
      YAML_SYNTAX, YAML_DUPLICATE_KEY, YAML_ALIAS_LIMIT, YAML_TOO_LARGE, YAML_TOO_DEEP,
      NOT_A_RESOURCE, RENDER, SCHEMA_MISSING, SCHEMA_UNKNOWN_FIELD, SCHEMA_TYPE,
      SCHEMA_REQUIRED, SCHEMA_VALUE, EXEMPTION);
}
