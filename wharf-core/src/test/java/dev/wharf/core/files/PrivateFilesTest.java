package dev.wharf.core.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateFilesTest {
  @TempDir Path dir;

  @Test
  void aWrittenFileIsOwnerOnlyAndLeavesNoTemporaryFile() throws Exception {
    Path file = dir.resolve("secret.env");
    PrivateFiles.write(file, "A=1\n");
    PrivateFiles.write(file, "A=2\n");
    assertThat(file).hasContent("A=2");
    assertThat(mode(file)).isEqualTo("rw-------");
    try (var listing = Files.list(dir)) {
      assertThat(listing.toList()).containsExactly(file);
    }
  }

  @Test
  void aFileThatWasReadableByOthersBecomesOwnerOnly() throws Exception {
    Path file = Files.writeString(dir.resolve("old"), "x");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    PrivateFiles.write(file, "y");
    assertThat(mode(file)).isEqualTo("rw-------");
  }

  @Test
  void keepingTheModeKeepsAnExistingFilesModeAndFollowsALink() throws Exception {
    Path real = Files.writeString(dir.resolve("config"), "old");
    Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-r-----"));
    Path link = Files.createSymbolicLink(dir.resolve("link"), real);
    PrivateFiles.writeKeepingMode(link, "new".getBytes());
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(real).hasContent("new");
    assertThat(mode(real)).isEqualTo("rw-r-----");
    Path fresh = dir.resolve("fresh");
    PrivateFiles.writeKeepingMode(fresh, "x".getBytes());
    assertThat(mode(fresh)).isEqualTo("rw-------");
  }

  @Test
  void createMakesAnEmptyOwnerOnlyFileOnce() throws Exception {
    Path lock = dir.resolve("a.lock");
    PrivateFiles.create(lock);
    assertThat(mode(lock)).isEqualTo("rw-------");
    assertThat(lock).isEmptyFile();
    assertThatThrownBy(() -> PrivateFiles.create(lock)).isInstanceOf(FileAlreadyExistsException.class);
    Path nested = PrivateFiles.createDirectories(dir.resolve("a/b"));
    assertThat(mode(nested)).isEqualTo("rwx------");
    assertThat(mode(dir.resolve("a"))).isEqualTo("rwx------");
  }

  private static String mode(Path p) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }
}
