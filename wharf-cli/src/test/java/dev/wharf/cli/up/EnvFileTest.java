package dev.wharf.cli.up;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvFileTest {
  @TempDir Path dir;

  @Test
  void envFileIsPrivateAndReadsBackInOrder() throws Exception {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("MYSQL_URL", "jdbc:mysql://127.0.0.1:13306/team-a.greeter");
    env.put("MYSQL_PASSWORD", "s3cr=t");
    Path file = dir.resolve("greeter.env");
    EnvFile.write(file, env);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(EnvFile.read(file)).containsExactlyEntriesOf(env);
  }

  @Test
  void aValueWithALineBreakIsRefusedAndTheOldFileIsKept() throws Exception {
    Path file = dir.resolve("greeter.env");
    EnvFile.write(file, Map.of("A", "1"));
    assertThatThrownBy(() -> EnvFile.write(file, Map.of("B", "x\ny")))
        .hasMessageContaining("B");
    assertThat(EnvFile.read(file)).containsExactly(Map.entry("A", "1"));
  }

  @Test
  void aLineWithoutEqualsIsReported() throws Exception {
    Path file = dir.resolve("bad.env");
    Files.writeString(file, "JUSTAKEY\n");
    assertThatThrownBy(() -> EnvFile.read(file)).hasMessageContaining("KEY=value");
  }
}
