package dev.wharf.validate.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wharf.validate.JsonPaths;
import dev.wharf.validate.Rules;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaValidatorTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<Violation> validate(String schemaJson, Object value) throws Exception {
    return SchemaValidator.validate(value, new CompiledSchema(SchemaNode.compile(JSON.readTree(schemaJson)), null, "test"));
  }

  private static final String SCHEMA = """
      {"type": "object", "properties": {
        "spec": {"type": "object", "required": ["size"], "properties": {
          "size": {"type": "string", "enum": ["small", "large"]},
          "port": {"x-kubernetes-int-or-string": true},
          "replicas": {"type": "integer", "minimum": 0, "maximum": 10},
          "name": {"type": "string", "pattern": "^[a-z]+$", "maxLength": 8},
          "free": {"type": "object", "x-kubernetes-preserve-unknown-fields": true},
          "labels": {"type": "object", "additionalProperties": {"type": "string"}},
          "maybe": {"type": "string", "nullable": true},
          "tags": {"type": "array", "maxItems": 2, "items": {"type": "string"}},
          "token": {"type": "string", "enum": ["a"]},
          "choice": {"type": "object", "properties": {"a": {"type": "string"}, "b": {"type": "string"}},
                     "oneOf": [{"required": ["a"]}, {"required": ["b"]}]}
        }}}}
      """;

  @Test
  void aValidObjectHasNoViolations() throws Exception {
    Map<String, Object> obj = Map.of("apiVersion", "x/v1", "kind", "X", "metadata", Map.of("name", "n"),
        "spec", Map.of("size", "small", "port", 8080, "replicas", 3, "name", "abc",
            "free", Map.of("anything", List.of(1, Map.of("deep", true))), "labels", Map.of("a", "b"),
            "tags", List.of("x"), "choice", Map.of("a", "1")));
    assertThat(validate(SCHEMA, obj)).isEmpty();
    assertThat(validate(SCHEMA, Map.of("spec", Map.of("size", "large", "port", "http")))).isEmpty();
  }

  @Test
  void eachKindOfViolationHasItsRuleAndPath() throws Exception {
    Map<String, Object> spec = new java.util.LinkedHashMap<>();
    spec.put("port", 1.5);
    spec.put("replicas", 11);
    spec.put("name", "ABCDEFGHIJ");
    spec.put("labels", Map.of("a", 1));
    spec.put("tags", List.of("a", "b", "c"));
    spec.put("sise", "small");
    spec.put("choice", Map.of("a", "1", "b", "2"));
    List<Violation> v = validate(SCHEMA, Map.of("spec", spec));
    assertThat(v).extracting(Violation::rule, Violation::path).contains(
        org.assertj.core.groups.Tuple.tuple(Rules.SCHEMA_REQUIRED, "spec.size"),
        org.assertj.core.groups.Tuple.tuple(Rules.SCHEMA_TYPE, "spec.port"),
        org.assertj.core.groups.Tuple.tuple(Rules.SCHEMA_VALUE, "spec.replicas"),
        org.assertj.core.groups.Tuple.tuple(Rules.SCHEMA_VALUE, "spec.name"),
        org.assertj.core.groups.Tuple.tuple(Rules.SCHEMA_TYPE, "spec.labels.a"),
        org.assertj.core.groups.Tuple.tuple(Rules.SCHEMA_VALUE, "spec.tags"),
        org.assertj.core.groups.Tuple.tuple(Rules.SCHEMA_UNKNOWN_FIELD, "spec.sise"),
        org.assertj.core.groups.Tuple.tuple(Rules.SCHEMA_VALUE, "spec.choice"));
    assertThat(v).filteredOn(x -> x.path().equals("spec.sise")).first()
        .extracting(Violation::message).asString().contains("did you mean 'size'");
  }

  @Test
  void nullIsOnlyAcceptedWhereNullable() throws Exception {
    Map<String, Object> spec = new java.util.HashMap<>();
    spec.put("size", "small");
    spec.put("maybe", null);
    assertThat(validate(SCHEMA, Map.of("spec", spec))).isEmpty();
    spec.put("name", null);
    assertThat(validate(SCHEMA, Map.of("spec", spec))).extracting(Violation::path).containsExactly("spec.name");
  }

  @Test
  void valuesOfSecretLookingFieldsAreNotEchoed() throws Exception {
    List<Violation> v = validate(SCHEMA, Map.of("spec", Map.of("size", "small", "token", "s3cr3t-value")));
    assertThat(v).hasSize(1);
    assertThat(v.get(0).message()).doesNotContain("s3cr3t-value").contains("hidden");
  }

  @Test
  void keysThatAreNotIdentifiersAreQuotedInPaths() {
    assertThat(JsonPaths.child("metadata.annotations", "example.com/x")).isEqualTo("metadata.annotations[\"example.com/x\"]");
    assertThat(JsonPaths.child("", "spec")).isEqualTo("spec");
  }
}
