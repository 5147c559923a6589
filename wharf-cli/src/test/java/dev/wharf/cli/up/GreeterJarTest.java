package dev.wharf.cli.up;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GreeterJarTest {
  @TempDir Path repo;

  @Test
  void findsTheExecJarAndRebuildsOnlyWhenASourceIsNewer() throws Exception {
    Path module = Files.createDirectories(repo.resolve("examples/greeter"));
    Path source = Files.createDirectories(module.resolve("src/main/java")).resolve("A.java");
    Files.writeString(module.resolve("pom.xml"), "<project/>");
    Files.writeString(source, "class A {}");
    Path target = Files.createDirectories(module.resolve("target"));
    Files.writeString(target.resolve("greeter-0.1.0-SNAPSHOT.jar"), "plain");
    Path jar = target.resolve("greeter-0.1.0-SNAPSHOT-exec.jar");
    Files.writeString(jar, "exec");
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    Files.setLastModifiedTime(module.resolve("pom.xml"), FileTime.from(t));
    Files.setLastModifiedTime(source, FileTime.from(t));
    Files.setLastModifiedTime(jar, FileTime.from(t.plusSeconds(60)));

    GreeterJar jars = new GreeterJar(repo);
    assertThat(jars.find()).contains(jar);
    assertThat(jars.outdated(jar)).isFalse();

    Files.setLastModifiedTime(source, FileTime.from(t.plusSeconds(120)));
    assertThat(jars.outdated(jar)).isTrue();
  }

  @Test
  void noTargetMeansNoJar() {
    assertThat(new GreeterJar(repo).find()).isEmpty();
  }
}
