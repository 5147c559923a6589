package dev.wharf.validate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
  public static final String HELM_SOURCE = "helm-source";
  public static final String HELM_CHART_MISSING = "helm-chart-missing";
  public static final String HELM_VALUES_FROM = "helm-values-from";
  public static final String HELM_VALUES_SCHEMA = "helm-values-schema";
  public static final String HELM_RENDER = "helm-render";
  public static final String PLATFORM = "platform";

  /**
   * Checks that are always on but that one object may be exempted from, like a policy: a chart
   * that cannot be had where the validation runs is a fact about that place, not the tree.
   */
  public static final Set<String> EXEMPTABLE = Set.of(HELM_CHART_MISSING);

  /** Every id with one line on what it reports, in report order. */
  public static final Map<String, String> DESCRIPTIONS = descriptions();

  public static final List<String> ALL = List.copyOf(DESCRIPTIONS.keySet());

  private static Map<String, String> descriptions() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put(YAML_SYNTAX, "the file is not valid YAML (or uses custom tags)");
    d.put(YAML_DUPLICATE_KEY, "a mapping repeats a key");
    d.put(YAML_ALIAS_LIMIT, "too many or self-referencing YAML aliases (an alias bomb)");
    d.put(YAML_TOO_LARGE, "the file is over the size limit");
    d.put(YAML_TOO_DEEP, "the YAML nests too deep");
    d.put(NOT_A_RESOURCE, "a document without apiVersion and kind that no kustomization includes");
    d.put(RENDER, "a kustomization does not build");
    d.put(SCHEMA_MISSING, "no schema for the object's apiVersion and kind");
    d.put(SCHEMA_UNKNOWN_FIELD, "a field the schema does not declare");
    d.put(SCHEMA_TYPE, "a value of the wrong type");
    d.put(SCHEMA_REQUIRED, "a required field is missing");
    d.put(SCHEMA_VALUE, "a value the schema does not allow");
    d.put(EXEMPTION, "a policy exemption without a reason or for an unknown policy");
    d.put(HELM_SOURCE, "a HelmRelease's chart source is not in the tree or cannot work");
    d.put(HELM_CHART_MISSING, "a HelmRelease's chart or chart version cannot be found");
    d.put(HELM_VALUES_FROM, "a HelmRelease's valuesFrom names a ConfigMap or Secret in the tree that does not give values");
    d.put(HELM_VALUES_SCHEMA, "the chart's values.schema.json rejects the HelmRelease's values");
    d.put(HELM_RENDER, "helm template (or a post-renderer) fails on a HelmRelease");
    d.put(PLATFORM, "the tree's Platform document (clusters and their registries) cannot be used");
    return Collections.unmodifiableMap(d);
  }
}
