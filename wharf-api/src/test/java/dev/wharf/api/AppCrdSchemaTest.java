package dev.wharf.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;
import dev.wharf.core.KeyPrefix;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.ValidationRule;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the generated App CRD tells the API server: Flux never prunes it, the rules it checks
 * before the operator sees an App (evaluated here with the reference CEL implementation, as
 * the API server evaluates them), how status.conditions merge, and the columns kubectl shows.
 */
class AppCrdSchemaTest {
  static final CustomResourceDefinition CRD;
  static final CustomResourceDefinitionVersion VERSION;

  static {
    try {
      CRD = new KubernetesSerialization().unmarshal(Files.readString(CrdUpToDateTest.GENERATED), CustomResourceDefinition.class);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    VERSION = CRD.getSpec().getVersions().getFirst();
  }

  static JSONSchemaProps at(String... path) {
    JSONSchemaProps p = VERSION.getSchema().getOpenAPIV3Schema();
    for (String segment : path) {
      p = segment.equals("[]") ? p.getItems().getSchema() : p.getProperties().get(segment);
    }
    return p;
  }

  @Test
  void fluxNeverPrunesTheCrd() {
    assertThat(CRD.getMetadata().getAnnotations()).containsEntry("kustomize.toolkit.fluxcd.io/prune", "disabled");
  }

  @Test
  void kubectlShowsReadyReasonTeamAndAge() {
    assertThat(VERSION.getAdditionalPrinterColumns()).extracting(c -> c.getName())
        .containsExactly("Ready", "Reason", "Team", "Age");
  }

  @Test
  void aMySqlConnectionLimitIsAWholeNumberOfAtLeastOne() {
    JSONSchemaProps limit = at("spec", "mysql", "maxConnections");
    assertThat(limit.getType()).isEqualTo("integer");
    assertThat(limit.getMinimum()).isEqualTo(1.0);
    assertThat(limit.getDefault()).as("the platform's default applies when unset").isNull();
  }

  @Test
  void conditionsAreAMapKeyedOnType() {
    JSONSchemaProps conditions = at("status", "conditions");
    assertThat(conditions.getXKubernetesListType()).isEqualTo("map");
    assertThat(conditions.getXKubernetesListMapKeys()).containsExactly("type");
    assertThat(conditions.getItems().getSchema().getRequired()).contains("type");
  }

  @Test
  void keyPrefixHasTheProvisioningRule() {
    JSONSchemaProps prefix = at("spec", "redis", "keyPrefix");
    assertThat(prefix.getPattern()).isEqualTo(KeyPrefix.PATTERN);
    assertThat(prefix.getMinLength()).isEqualTo(3L);
    assertThat(prefix.getMaxLength()).isEqualTo((long) KeyPrefix.MAX_LENGTH);
  }

  @Test
  void redirectUrisAreHttpsAndHttpOnlyForLocalhost() throws Exception {
    JSONSchemaProps field = at("spec", "oidc", "redirectUris");
    assertThat(field.getMaxItems()).as("bounded, so the rule's cost is").isNotNull();
    assertThat(at("spec", "oidc", "redirectUris", "[]").getMaxLength()).isNotNull();
    Map<String, Boolean> cases = Map.of(
        "https://greeter.apps.wharf.example.com/*", true, "https://greeter.apps.wharf.example.com/cb?x=1", true,
        "http://localhost:8080/login/*", true, "http://127.0.0.1/*", true, "http://[::1]:9000/cb", true,
        "http://greeter.apps.wharf.example.com/*", false, "https://*.example.com/", false, "https://a.example.com/*/x", false,
        "https://a.example.com/cb#frag", false, "javascript:alert(1)", false);
    for (var c : cases.entrySet()) {
      assertThat(evaluate(rule(field), List.of(c.getKey()))).as(c.getKey()).isEqualTo(c.getValue());
    }
    assertThat(evaluate(rule(field), List.of())).isTrue();
  }

  @Test
  void webOriginsAreOriginsOnly() throws Exception {
    JSONSchemaProps field = at("spec", "oidc", "webOrigins");
    Map<String, Boolean> cases = Map.of("https://greeter.apps.wharf.example.com", true, "+", true,
        "http://localhost:3000", true, "https://greeter.apps.wharf.example.com/path", false, "http://evil.example.com", false);
    for (var c : cases.entrySet()) {
      assertThat(evaluate(rule(field), List.of(c.getKey()))).as(c.getKey()).isEqualTo(c.getValue());
    }
  }

  static String rule(JSONSchemaProps field) {
    List<ValidationRule> rules = field.getXKubernetesValidations();
    assertThat(rules).as("x-kubernetes-validations").hasSize(1);
    assertThat(rules.getFirst().getMessage()).isNotBlank();
    return rules.getFirst().getRule();
  }

  static boolean evaluate(String rule, List<String> self) throws Exception {
    Cel cel = CelFactory.standardCelBuilder().setStandardMacros(CelStandardMacro.STANDARD_MACROS)
        .addVar("self", ListType.create(SimpleType.STRING)).build();
    return (Boolean) cel.createProgram(cel.compile(rule).getAst()).eval(Map.of("self", self));
  }
}
