package dev.wharf.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the Keycloak archive comes from, how it is unpacked, and that the cache fills once. */
class DistributionTest {

  private static final String PATH = "/org/keycloak/keycloak-quarkus-dist/" + KeycloakDistribution.VERSION
      + "/keycloak-quarkus-dist-" + KeycloakDistribution.VERSION + ".tar.gz";

  @TempDir Path dir;

  @Test
  void anIntactArchiveInTheLocalRepositoryIsUsedAsIs() throws Exception {
    Path m2 = dir.resolve("m2");
    Path archive = Files.createDirectories(m2.resolve(PATH.substring(1)).getParent()).resolve(fileName());
    Files.write(archive, tarGz());
    Files.writeString(archive.resolveSibling(fileName() + ".sha1"), Download.sha1Of(archive));

    Path chosen = KeycloakDistribution.archive(new CacheDir(dir.resolve("cache")), ProgressListener.NONE, m2,
        "http://127.0.0.1:1/never-asked");

    assertThat(chosen).isEqualTo(archive);
  }

  @Test
  void aDamagedLocalArchiveIsIgnoredAndDownloadedAfresh() throws Exception {
    byte[] good = tarGz();
    Path m2 = dir.resolve("m2");
    Path damaged = Files.createDirectories(m2.resolve(PATH.substring(1)).getParent()).resolve(fileName());
    Files.write(damaged, "truncated".getBytes(StandardCharsets.US_ASCII));
    Files.writeString(damaged.resolveSibling(fileName() + ".sha1"), Download.sha1Of(write("good", good)));
    HttpServer server = serve(good);
    List<String> messages = new CopyOnWriteArrayList<>();
    try {
      Path chosen = KeycloakDistribution.archive(new CacheDir(dir.resolve("cache")), new ProgressListener() {
        @Override
        public void message(String text) {
          messages.add(text);
        }
      }, m2, "http://127.0.0.1:" + server.getAddress().getPort() + "/maven2");

      assertThat(chosen).isEqualTo(dir.resolve("cache/downloads").resolve(fileName())).hasBinaryContent(good);
      assertThat(damaged).exists(); // the user's own repository is not ours to delete
      assertThat(messages).anyMatch(m -> m.startsWith("ignoring " + damaged));
    } finally {
      server.stop(0);
    }
  }

  @Test
  void unpackingDropsTheTopDirectoryAndKeepsExecutableBits() throws Exception {
    Path archive = write("dist.tar.gz", tarGz());
    Path out = Files.createDirectories(dir.resolve("out"));

    TarGz.extractStrippingTop(archive, out);

    assertThat(out.resolve("bin/kc.sh")).hasContent("#!/bin/sh\necho kc");
    assertThat(Files.isExecutable(out.resolve("bin/kc.sh"))).isTrue();
    assertThat(Files.isExecutable(out.resolve("version.txt"))).isFalse();
  }

  @Test
  void theCacheIsFilledOnceEvenWhenManyAskAtOnce() throws Exception {
    CacheDir cache = new CacheDir(dir.resolve("cache"));
    AtomicInteger installs = new AtomicInteger();
    CountDownLatch go = new CountDownLatch(1);
    List<Path> results = new CopyOnWriteArrayList<>();
    List<Thread> threads = new java.util.ArrayList<>();
    for (int i = 0; i < 6; i++) {
      threads.add(Thread.ofPlatform().start(() -> {
        try {
          go.await();
        } catch (InterruptedException e) {
          return;
        }
        results.add(cache.installOnce("thing-1.0", into -> {
          installs.incrementAndGet();
          Files.writeString(into.resolve("marker"), "done");
        }));
      }));
    }
    go.countDown();
    for (Thread t : threads) {
      t.join();
    }

    assertThat(installs).hasValue(1);
    assertThat(results).hasSize(6).containsOnly(dir.resolve("cache/thing-1.0"));
    assertThat(dir.resolve("cache/thing-1.0/marker")).hasContent("done");
    try (var left = Files.list(dir.resolve("cache"))) {
      assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".tmp-"));
    }
  }

  @Test
  void anInstallAbandonedByADeadProcessIsClearedAndRedone() throws Exception {
    CacheDir cache = new CacheDir(dir.resolve("cache"));
    Path abandoned = Files.createDirectories(dir.resolve("cache/thing-2.0.tmp-dead/bin"));
    Files.writeString(abandoned.resolve("half"), "written");

    Path done = cache.installOnce("thing-2.0", into -> Files.writeString(into.resolve("marker"), "done"));

    assertThat(done.resolve("marker")).hasContent("done");
    assertThat(dir.resolve("cache/thing-2.0.tmp-dead")).doesNotExist();
  }

  private HttpServer serve(byte[] content) throws Exception {
    String sha1 = Download.sha1Of(write("served", content));
    HttpServer server = HttpServer.create(new InetSocketAddress(Ports.LOOPBACK, 0), 0);
    server.createContext("/maven2" + PATH, exchange -> {
      byte[] body = exchange.getRequestURI().getPath().endsWith(".sha1")
          ? sha1.getBytes(StandardCharsets.US_ASCII) : content;
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    return server;
  }

  private static String fileName() {
    return "keycloak-quarkus-dist-" + KeycloakDistribution.VERSION + ".tar.gz";
  }

  private Path write(String name, byte[] bytes) throws Exception {
    return Files.write(dir.resolve(name), bytes);
  }

  private static byte[] tarGz() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(bytes); TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
      add(tar, "keycloak-x/bin/kc.sh", "#!/bin/sh\necho kc", 0755);
      add(tar, "keycloak-x/version.txt", "Keycloak x", 0644);
    }
    return bytes.toByteArray();
  }

  private static void add(TarArchiveOutputStream tar, String name, String content, int mode) throws Exception {
    byte[] data = content.getBytes(StandardCharsets.UTF_8);
    TarArchiveEntry entry = new TarArchiveEntry(name);
    entry.setSize(data.length);
    entry.setMode(mode);
    tar.putArchiveEntry(entry);
    tar.write(data);
    tar.closeArchiveEntry();
  }
}
