package dev.wharf.cli.up;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GreeterAppTest {
  @TempDir Path dir;

  @Test
  void aRebuiltJarGetsItsOwnDirectory() throws Exception {
    Path jar = dir.resolve("greeter-exec.jar");
    Files.writeString(jar, "build 1");
    Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
    String first = GreeterApp.key(jar);
    assertThat(GreeterApp.key(jar)).isEqualTo(first).hasSize(16);

    Files.writeString(jar, "build 2");
    Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-01-01T00:01:00Z")));
    assertThat(GreeterApp.key(jar)).isNotEqualTo(first);
  }

  @Test
  void anUnpackedBuildIsReusedWithoutUnpackingAgain() throws Exception {
    Path jar = dir.resolve("greeter-exec.jar");
    Files.writeString(jar, "not a real jar: unpacking it would fail");
    Path cache = dir.resolve("cache");
    Path unpacked = Files.createDirectories(cache.resolve("greeter").resolve(GreeterApp.key(jar)));
    Files.writeString(unpacked.resolve(GreeterApp.JAR), "unpacked before");

    GreeterApp app = GreeterApp.of(jar, cache, dir.resolve("build.log"));
    assertThat(app.jar()).isEqualTo(unpacked.resolve("greeter.jar"));
    assertThat(app.sharedArchive()).isEqualTo(unpacked.resolve("greeter.jsa"));
  }
}
