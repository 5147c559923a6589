package dev.wharf.validate.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.validate.Rules;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SafeYamlTest {
  private final SafeYaml yaml = new SafeYaml(1 << 20);

  @Test
  void scalarsResolveAsKubernetesReadsThem() throws YamlProblem {
    Map<?, ?> doc = (Map<?, ?>) yaml.loadAll("a: on\nb: 2024-01-01\nc: 22:22\nd: true\ne: 3\nf: 1.5\ng: ~\nh: yes\n").get(0);
    assertThat(doc.get("a")).isEqualTo("on");
    assertThat(doc.get("b")).isEqualTo("2024-01-01");
    assertThat(doc.get("c")).isEqualTo("22:22");
    assertThat(doc.get("d")).isEqualTo(true);
    assertThat(doc.get("e")).isEqualTo(3);
    assertThat(doc.get("f")).isEqualTo(1.5);
    assertThat(doc.containsKey("g")).isTrue();
    assertThat(doc.get("g")).isNull();
    assertThat(doc.get("h")).isEqualTo("yes");
  }

  @Test
  void loadsEveryNonEmptyDocument() throws YamlProblem {
    List<Object> docs = yaml.loadAll("---\na: 1\n---\n---\nb: 2\n");
    assertThat(docs).hasSize(2);
  }

  @Test
  void textOverTheLimitIsRefusedBeforeParsing() {
    SafeYaml small = new SafeYaml(100);
    assertThatThrownBy(() -> small.loadAll("a: " + "x".repeat(200)))
        .isInstanceOfSatisfying(YamlProblem.class, p -> assertThat(p.rule()).isEqualTo(Rules.YAML_TOO_LARGE));
  }

  @Test
  void smallAnchorsAreFine() throws YamlProblem {
    Map<?, ?> doc = (Map<?, ?>) yaml.loadAll("base: &b {x: 1}\ncopy: *b\n").get(0);
    assertThat(doc.get("copy")).isEqualTo(Map.of("x", 1));
  }

  @Test
  void mergeKeysStillWork() throws YamlProblem {
    Map<?, ?> doc = (Map<?, ?>) yaml.loadAll("base: &b {x: 1}\nderived:\n  <<: *b\n  y: 2\n").get(0);
    assertThat(doc.get("derived")).isEqualTo(Map.of("x", 1, "y", 2));
  }

  @Test
  void syntaxErrorsNameTheLine() {
    assertThatThrownBy(() -> yaml.loadAll("a: [1, 2\nb: 3\n"))
        .isInstanceOfSatisfying(YamlProblem.class, p -> {
          assertThat(p.rule()).isEqualTo(Rules.YAML_SYNTAX);
          assertThat(p.getMessage()).contains("line");
        });
  }
}
