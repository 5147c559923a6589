package dev.wharf.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads are checked against the repository's .sha1; a local HTTP server plays the repository. */
class DownloadTest {

  private static final byte[] CONTENT = "pretend this is keycloak-quarkus-dist".repeat(50_000).getBytes(StandardCharsets.UTF_8);

  @TempDir Path dir;
  private HttpServer server;
  private volatile String published;

  @BeforeEach
  void serve() throws Exception {
    published = Download.sha1Of(write("source", CONTENT));
    server = HttpServer.create(new InetSocketAddress(Ports.LOOPBACK, 0), 0);
    server.createContext("/repo/dist.tar.gz", exchange -> {
      exchange.sendResponseHeaders(200, CONTENT.length);
      exchange.getResponseBody().write(CONTENT);
      exchange.close();
    });
    server.createContext("/repo/dist.tar.gz.sha1", exchange -> {
      byte[] body = (published + "  dist.tar.gz\n").getBytes(StandardCharsets.US_ASCII);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  private Path write(String name, byte[] bytes) throws Exception {
    return Files.write(dir.resolve(name), bytes);
  }

  @Test
  void anIntactDownloadIsKeptWithItsChecksumAndReportsProgress() throws Exception {
    List<long[]> progress = new CopyOnWriteArrayList<>();
    Path target = dir.resolve("downloads/dist.tar.gz");

    Download.verified(url("/repo/dist.tar.gz"), target, "the dist", new ProgressListener() {
      @Override
      public void download(String what, long bytes, long total) {
        progress.add(new long[] {bytes, total});
      }
    });

    assertThat(target).hasBinaryContent(CONTENT);
    assertThat(Download.matchesSha1File(target, dir.resolve("downloads/dist.tar.gz.sha1"))).isTrue();
    assertThat(progress).isNotEmpty();
    assertThat(progress.getLast()).containsExactly(CONTENT.length, CONTENT.length);
  }

  @Test
  void aBadChecksumDeletesTheFileAndSaysSo() {
    published = "0123456789abcdef0123456789abcdef01234567";
    Path target = dir.resolve("downloads/dist.tar.gz");

    assertThatThrownBy(() -> Download.verified(url("/repo/dist.tar.gz"), target, "the dist", ProgressListener.NONE))
        .isInstanceOf(LocalRuntimeException.class)
        .hasMessageContaining("is corrupt")
        .hasMessageContaining("the file was deleted")
        .hasMessageContaining("expected " + published);
    assertThat(target).doesNotExist();
    assertThat(dir.resolve("downloads/dist.tar.gz.part")).doesNotExist();
  }

  @Test
  void aMissingFileNamesTheStatusAndTheFix() {
    assertThatThrownBy(() -> Download.verified(url("/repo/missing.tar.gz"), dir.resolve("m.tar.gz"), "the dist",
        ProgressListener.NONE))
        .isInstanceOf(LocalRuntimeException.class)
        .hasMessageContaining("HTTP 404")
        .hasMessageContaining("WHARF_MAVEN_REPO");
  }

  @Test
  void anUnreachableRepositorySaysWhyAndWhatToSet() throws Exception {
    int closed;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    java.net.URI nowhere = java.net.URI.create("http://127.0.0.1:" + closed + "/repo/dist.tar.gz");
    assertThatThrownBy(() -> Download.verified(nowhere, dir.resolve("n.tar.gz"), "the dist", ProgressListener.NONE))
        .isInstanceOf(LocalRuntimeException.class)
        .hasMessageContaining("connection refused")
        .hasMessageNotContaining("null")
        .hasMessageContaining("WHARF_MAVEN_REPO");
  }

  @Test
  void aCorruptFileOnDiskFailsTheChecksumCheck() throws Exception {
    Path file = write("dist.tar.gz", CONTENT);
    Files.writeString(dir.resolve("dist.tar.gz.sha1"), published);
    assertThat(Download.matchesSha1File(file, dir.resolve("dist.tar.gz.sha1"))).isTrue();

    byte[] damaged = CONTENT.clone();
    damaged[1000] ^= 1;
    Files.write(file, damaged);
    assertThat(Download.matchesSha1File(file, dir.resolve("dist.tar.gz.sha1"))).isFalse();
  }

  @Test
  void aTruncatedArchiveIsReportedAsAnError() throws Exception {
    Path archive = write("broken.tar.gz", new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0});
    assertThatThrownBy(() -> TarGz.extractStrippingTop(archive, dir.resolve("out")))
        .isInstanceOf(java.io.IOException.class);
  }
}
