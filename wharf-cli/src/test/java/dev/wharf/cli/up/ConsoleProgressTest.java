package dev.wharf.cli.up;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.local.Service;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {
  private static final long MB = 1024 * 1024;

  @Test
  void barShowsShareAndSize() {
    assertThat(ConsoleProgress.bar("Keycloak", 80 * MB, 160 * MB))
        .isEqualTo("  downloading Keycloak [###############...............]  50% 80/160 MB");
    assertThat(ConsoleProgress.bar("Keycloak", 3 * MB, -1)).isEqualTo("  downloading Keycloak: 3 MB");
  }

  @Test
  void withoutATerminalADownloadPrintsALineEveryTenPercent() {
    StringWriter text = new StringWriter();
    ConsoleProgress progress = new ConsoleProgress(new PrintWriter(text), false);
    for (long b = 0; b <= 100; b++) {
      progress.download("Keycloak", b * MB, 100 * MB);
    }
    assertThat(text.toString().lines()).hasSize(11).last().asString().contains("100%");
  }

  @Test
  void eachServiceGetsALineWithItsTime() {
    StringWriter text = new StringWriter();
    new ConsoleProgress(new PrintWriter(text), false).started(Service.REDIS, Duration.ofMillis(1234));
    assertThat(text.toString()).contains("Redis").contains("started in 1.2 s");
  }
}
