package dev.wharf.validate.helm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HelmMessagesTest {
  @Test
  void helmErrorsBecomeOneBoundedLine() {
    String tpl = "x".repeat(5000);
    String err = "Error: template: loki/templates/config.yaml:19:7: error calling tpl: error during tpl function execution for \""
        + tpl + "\": template: gotpl:40:6: nil pointer evaluating interface {}.chunks\n\nUse --debug flag to render out invalid YAML\n";
    String clean = HelmMessages.clean(err);
    assertThat(clean).doesNotContain("Use --debug").doesNotStartWith("Error:").contains("for \"...\": ").endsWith("interface {}.chunks");
    assertThat(clean.length()).isLessThan(1000);
    assertThat(HelmMessages.clean("Error: " + "y".repeat(3000) + " the cause")).hasSizeLessThan(1000).endsWith("the cause");
  }

  @Test
  void schemaRejectionsAreRecognised() {
    String err = "Error: values don't meet the specifications of the schema(s) in the following chart(s):\ntrust-manager:\n- at '/app': bad\n";
    assertThat(HelmMessages.isSchemaRejection(HelmMessages.clean(err))).isTrue();
    assertThat(HelmMessages.clean(err)).contains("trust-manager:; - at '/app': bad");
    assertThat(HelmMessages.isSchemaRejection("execution error at (x): y is required")).isFalse();
  }
}
