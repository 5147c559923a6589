package dev.wharf.cli.up;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.cli.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GreeterProcessTest {
  @TempDir Path dir;

  @Test
  void aGreeterThatDiesWhileStartingIsReportedWithItsLog() throws Exception {
    Files.writeString(dir.resolve(GreeterApp.JAR), "not a jar");
    Path log = dir.resolve("greeter.log");
    try (GreeterProcess greeter = GreeterProcess.start(new GreeterApp(dir), Map.of(),
        LocalPlatform.claimPort("test", 0), log)) {
      assertThatThrownBy(() -> greeter.awaitReady(Duration.ofSeconds(60)))
          .isInstanceOf(UserError.class)
          .hasMessageContaining("greeter exited with code 1 while starting")
          .hasMessageContaining(log.toString());
    }
  }
}
