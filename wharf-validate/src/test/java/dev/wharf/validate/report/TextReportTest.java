package dev.wharf.validate.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.validate.Finding;
import dev.wharf.validate.Report;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextReportTest {

  @Test
  void controlCharactersFromAManifestAreShownEscaped() {
    Finding f = Finding.ofFile("pvc-storageclass", "p.yaml", "StorageClass 'a\u001b[31mb\rc\u202ed' is not defined", "Use san.\n");
    StringWriter out = new StringWriter();
    TextReport.write(new Report(List.of(f), 1, 1, 0, 0), new PrintWriter(out, true));

    String first = out.toString().lines().findFirst().orElseThrow();
    assertThat(first).isEqualTo("p.yaml: [pvc-storageclass] StorageClass 'a\\u001b[31mb\\u000dc\\u202ed' is not defined");
    assertThat(out.toString()).contains("    fix: Use san.\\u000a").doesNotContain("\u001b").doesNotContain("\r");
  }

  @Test
  void ordinaryTextIsUnchanged() {
    assertThat(TextReport.printable("deployment.yaml:12: Deployment/team-a/web: [probes] élan ✓")).isEqualTo(
        "deployment.yaml:12: Deployment/team-a/web: [probes] élan ✓");
  }
}
