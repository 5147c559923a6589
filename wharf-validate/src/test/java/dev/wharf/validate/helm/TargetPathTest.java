package dev.wharf.validate.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** valuesFrom targetPath values are set as helm's --set parser (which Flux uses) reads them. */
class TargetPathTest {
  private static Map<String, Object> set(String path, String value, boolean literal) {
    Map<String, Object> m = new LinkedHashMap<>();
    assertThat(TargetPath.set(m, path, value, literal)).isNull();
    return m;
  }

  @Test
  void valuesAreTypedUnlessQuotedOrLiteral() {
    assertThat(set("a.b", "true", false)).isEqualTo(Map.of("a", Map.of("b", true)));
    assertThat(set("a", "42", false)).isEqualTo(Map.of("a", 42L));
    assertThat(set("a", "042", false)).isEqualTo(Map.of("a", "042"));
    assertThat(set("a", "\"42\"", false)).isEqualTo(Map.of("a", "42"));
    assertThat(set("a", "{x,2}", false)).isEqualTo(Map.of("a", List.of("x", 2L)));
    assertThat(set("a", "x,y=z", true)).isEqualTo(Map.of("a", "x,y=z"));
  }

  @Test
  void escapedDotsStayInTheKey() {
    assertThat(set("ingress.annotations.example\\.com/team", "a", false))
        .isEqualTo(Map.of("ingress", Map.of("annotations", Map.of("example.com/team", "a"))));
  }

  @Test
  void whatTheSetParserWouldSplitOrIndexIsRefused() {
    assertThat(TargetPath.set(new LinkedHashMap<>(), "a", "x,y", false)).contains("comma");
    assertThat(TargetPath.set(new LinkedHashMap<>(), "list[0].name", "x", false)).contains("list");
    assertThat(TargetPath.set(new LinkedHashMap<>(), "a..b", "x", false)).contains("dotted");
  }
}
