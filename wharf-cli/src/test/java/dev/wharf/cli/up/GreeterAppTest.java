package dev.wharf.cli.up;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GreeterAppTest {
  @TempDir Path dir;

  @Test
  void theKeyFollowsTheContentNotTheFileTime() throws Exception {
    Path jar = jar("greeter-exec.jar", "class A v1");
    String first = GreeterApp.key(jar);
    Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));
    assertThat(GreeterApp.key(jar)).isEqualTo(first).hasSize(16);
    assertThat(GreeterApp.key(jar("greeter-exec.jar", "class A v2"))).isNotEqualTo(first);
  }

  @Test
  void aFileThatIsNotAJarIsReported() throws Exception {
    Path notJar = dir.resolve("greeter-exec.jar");
    Files.writeString(notJar, "half-written");
    assertThatThrownBy(() -> GreeterApp.key(notJar)).hasMessageContaining("rebuild greeter");
  }

  @Test
  void anUnpackedBuildIsReusedWithoutUnpackingAgain() throws Exception {
    Path jar = jar("greeter-exec.jar", "class A v1");
    Path cache = dir.resolve("cache");
    Path unpacked = Files.createDirectories(cache.resolve("greeter").resolve(GreeterApp.key(jar)));
    Files.writeString(unpacked.resolve(GreeterApp.JAR), "unpacked before");

    GreeterApp app = GreeterApp.of(jar, cache, dir.resolve("build.log"));
    assertThat(app.jar()).isEqualTo(unpacked.resolve("greeter.jar"));
    assertThat(app.sharedArchive()).isEqualTo(unpacked.resolve("greeter.jsa"));
  }

  @Test
  void oldUnusedBuildsArePrunedRecentOnesKept() throws Exception {
    Path jar = jar("greeter-exec.jar", "class A v1");
    Path cache = dir.resolve("cache");
    Path builds = Files.createDirectories(cache.resolve("greeter"));
    Files.writeString(Files.createDirectories(builds.resolve(GreeterApp.key(jar)))
        .resolve(GreeterApp.JAR), "current");
    Path old = Files.createDirectories(builds.resolve("0000000000000old"));
    Files.setLastModifiedTime(old, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
    Path recent = Files.createDirectories(builds.resolve("00000000000recent"));

    GreeterApp.of(jar, cache, dir.resolve("build.log"));
    assertThat(old).doesNotExist();
    assertThat(recent).exists();
  }

  private Path jar(String name, String content) throws IOException {
    Path jar = dir.resolve(name);
    try (OutputStream file = Files.newOutputStream(jar);
        ZipOutputStream zip = new ZipOutputStream(file)) {
      zip.putNextEntry(new ZipEntry("BOOT-INF/classes/A.class"));
      zip.write(content.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return jar;
  }
}
