package dev.wharf.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenCacheTest {

  private static final String ISSUER = "https://kc.example.com/realms/wharf";

  @TempDir Path dir;

  private static Session session(String issuer, String idToken) {
    return new Session(issuer, "kubernetes", "alice", idToken, 100, 400, "refresh-secret", 900);
  }

  @Test
  void writesAndReadsBack() {
    TokenCache cache = new TokenCache(dir);
    Session s = session(ISSUER, "eyJhbGc.payload.sig");
    cache.write(s);
    assertThat(cache.read(ISSUER, "kubernetes")).contains(s);
    assertThat(cache.read(ISSUER, "other-client")).isEmpty();
    assertThat(cache.read("https://other.example.com/realms/wharf", "kubernetes")).isEmpty();
  }

  @Test
  void fileIsOwnerOnlyAndDirectoryToo() throws Exception {
    TokenCache cache = new TokenCache(dir);
    cache.write(session(ISSUER, "a.b.c"));
    Path file = cache.fileFor(ISSUER, "kubernetes");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache.directory())))
        .isEqualTo("rwx------");
    // No temporary files are left behind.
    try (var files = Files.list(cache.directory())) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactly(file.getFileName().toString());
    }
  }

  @Test
  void overwriteReplacesAndKeepsMode() throws Exception {
    TokenCache cache = new TokenCache(dir);
    cache.write(session(ISSUER, "first.token.x"));
    cache.write(session(ISSUER, "second.token.y"));
    assertThat(cache.read(ISSUER, "kubernetes").orElseThrow().idToken()).isEqualTo("second.token.y");
    assertThat(PosixFilePermissions.toString(
        Files.getPosixFilePermissions(cache.fileFor(ISSUER, "kubernetes")))).isEqualTo("rw-------");
  }

  @Test
  void garbageFileIsACorruptCacheErrorNamingTheFileButNotItsContent() throws Exception {
    TokenCache cache = new TokenCache(dir);
    cache.write(session(ISSUER, "a.b.c"));
    Path file = cache.fileFor(ISSUER, "kubernetes");
    Files.writeString(file, "version=1\nissuer=" + ISSUER + "\nid_token=SECRETVALUE\n"
        + "id_token_expires_at=soon\nclient_id=kubernetes\n", StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> cache.read(ISSUER, "kubernetes"))
        .isInstanceOfSatisfying(LoginException.class, e ->
            assertThat(e.reason()).isEqualTo(LoginException.Reason.CORRUPT_CACHE))
        .hasMessageContaining(file.toString())
        .hasMessageContaining("wharf logout")
        .hasMessageNotContaining("SECRETVALUE");
  }

  @Test
  void binaryJunkAndMissingFieldsAreCorrupt() throws Exception {
    TokenCache cache = new TokenCache(dir);
    Path file = cache.fileFor(ISSUER, "kubernetes");
    Files.createDirectories(file.getParent());
    Files.write(file, new byte[] {0, 1, 2, (byte) 0xff, '\\', 'u', 'z', 'z'});
    assertThatThrownBy(() -> cache.read(ISSUER, "kubernetes"))
        .isInstanceOf(LoginException.class).hasMessageContaining("is corrupt");
    Files.writeString(file, "version=1\nissuer=" + ISSUER + "\n");
    assertThatThrownBy(() -> cache.read(ISSUER, "kubernetes"))
        .hasMessageContaining("'client_id' is missing");
  }

  @Test
  void fileOfAnotherIssuerUnderThisNameIsCorrupt() throws Exception {
    TokenCache cache = new TokenCache(dir);
    cache.write(session("https://other.example.com/realms/x", "a.b.c"));
    Path other = cache.fileFor("https://other.example.com/realms/x", "kubernetes");
    Files.move(other, cache.fileFor(ISSUER, "kubernetes"));
    assertThatThrownBy(() -> cache.read(ISSUER, "kubernetes"))
        .hasMessageContaining("another issuer");
  }

  @Test
  void deleteIsIdempotentAndScanSeparatesCorruptFiles() throws Exception {
    TokenCache cache = new TokenCache(dir);
    cache.write(session(ISSUER, "a.b.c"));
    cache.write(session("https://two.example.com/realms/wharf", "d.e.f"));
    Files.writeString(cache.directory().resolve("session-broken.properties"), "nonsense");
    TokenCache.Scan scan = cache.scan();
    assertThat(scan.sessions()).hasSize(2);
    assertThat(scan.corrupt()).hasSize(1);
    assertThat(cache.deleteCorrupt()).isEqualTo(1);
    assertThat(cache.scan().corrupt()).isEmpty();
    assertThat(cache.delete(ISSUER, "kubernetes")).isTrue();
    assertThat(cache.delete(ISSUER, "kubernetes")).isFalse();
    assertThat(cache.read(ISSUER, "kubernetes")).isEmpty();
  }

  @Test
  void lockRunsTheActionAndReturnsItsValue() {
    TokenCache cache = new TokenCache(dir);
    assertThat(cache.withLock(ISSUER, "kubernetes", () -> "done")).isEqualTo("done");
  }
}
