package dev.wharf.cli.up;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.cli.UserError;
import dev.wharf.local.LocalRuntime;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GreeterTest {
  @TempDir Path dir;

  @Test
  void aGreeterThatDiesWhileStartingIsReportedWithItsLog() throws Exception {
    Files.writeString(dir.resolve(GreeterApp.JAR), "not a jar");
    Path log = dir.resolve("greeter.log");
    try (Greeter greeter = Greeter.start(guard(), new GreeterApp(dir), Map.of(),
        LocalPorts.claim("test", 0), log, dir.resolve("greeter.pids"))) {
      assertThatThrownBy(() -> greeter.awaitReady(Duration.ofSeconds(60)))
          .isInstanceOf(UserError.class)
          .hasMessageContaining("greeter exited with code 1 while starting")
          .hasMessageContaining(log.toString());
    }
  }

  /** A 'wharf up' killed outright (SIGKILL) must not leave greeter running on its port. */
  @Test
  void greeterStopsWhenTheJvmThatStartedItGoes() throws Exception {
    sleeperJar(dir.resolve(GreeterApp.JAR));
    try (Greeter greeter = Greeter.start(guard(), new GreeterApp(dir), Map.of(),
        LocalPorts.claim("test", 0), dir.resolve("greeter.log"), dir.resolve("greeter.pids"))) {
      // The guard starts greeter's JVM a moment after it starts itself.
      List<ProcessHandle> tree = greeter.processes();
      for (int i = 0; i < 300 && tree.stream().noneMatch(GreeterTest::isJava); i++) {
        Thread.sleep(100);
        tree = greeter.processes();
      }
      assertThat(tree).anyMatch(GreeterTest::isJava);

      greeter.dropLifeline();

      for (int i = 0; i < 300 && tree.stream().anyMatch(ProcessHandle::isAlive); i++) {
        Thread.sleep(100);
      }
      assertThat(tree).noneMatch(ProcessHandle::isAlive);
    }
  }

  @Test
  void closeEndsGreeterEvenWhenItsGuardWasKilledOutright() throws Exception {
    sleeperJar(dir.resolve(GreeterApp.JAR));
    try (Greeter greeter = Greeter.start(guard(), new GreeterApp(dir), Map.of(),
        LocalPorts.claim("test", 0), dir.resolve("greeter.log"), dir.resolve("greeter.pids"))) {
      greeter.awaitReady(Duration.ofSeconds(60));
      List<ProcessHandle> tree = greeter.processes();
      ProcessHandle guard = tree.getFirst();
      guard.destroyForcibly();
      guard.onExit().get();

      greeter.close();

      for (int i = 0; i < 100 && tree.stream().anyMatch(ProcessHandle::isAlive); i++) {
        Thread.sleep(100);
      }
      assertThat(tree).noneMatch(ProcessHandle::isAlive);
    }
  }

  private static boolean isJava(ProcessHandle p) {
    return p.info().command().orElse("").endsWith("/java");
  }

  private Path guard() {
    return LocalRuntime.builder().stateDir(dir.resolve("state")).cacheDir(dir.resolve("cache"))
        .build().guardScript();
  }

  /** A runnable jar whose main only sleeps, standing in for greeter. */
  private void sleeperJar(Path jar) throws Exception {
    Path src = Files.createDirectories(dir.resolve("src")).resolve("Sleeper.java");
    // Answers greeter's readiness probe on SERVER_PORT, then idles.
    Files.writeString(src, """
        import com.sun.net.httpserver.HttpServer;
        import java.net.InetSocketAddress;
        public class Sleeper {
          public static void main(String[] a) throws Exception {
            HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1",
                Integer.parseInt(System.getenv("SERVER_PORT"))), 0);
            s.createContext("/", x -> { x.sendResponseHeaders(200, -1); x.close(); });
            s.start();
            Thread.sleep(600_000);
          }
        }
        """);
    int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null,
        "-d", dir.resolve("src").toString(), src.toString());
    assertThat(rc).isZero();
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Sleeper");
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
      jarOut.putNextEntry(new JarEntry("Sleeper.class"));
      jarOut.write(Files.readAllBytes(dir.resolve("src/Sleeper.class")));
      jarOut.closeEntry();
    }
  }
}
