package dev.wharf.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.File;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator as its Deployment runs it ({@link Main} in a JVM of its own): a start that
 * fails ends the process with a non-zero code, so the kubelet restarts it instead of keeping a
 * pod that answers its probes and never reconciles.
 */
class OperatorProcessIT {
  @TempDir Path dir;

  @Test
  void theProcessExitsNonZeroWhenTheOperatorCannotStart() throws Exception {
    // An API server without the App CRD: every request is answered 404, so the informer for
    // Apps cannot start (as with the CRD missing, RBAC denied or the server away).
    KubernetesMockServer api = new KubernetesMockServer(false);
    api.init(InetAddress.getByName("127.0.0.1"), 0);
    try {
      Path log = dir.resolve("operator.log");
      ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), Main.class.getName())
          .redirectErrorStream(true).redirectOutput(log.toFile());
      Map<String, String> env = pb.environment();
      env.clear();
      env.putAll(Map.of("WHARF_TEAMS", "team-a", "WHARF_HTTP_PORT", Integer.toString(freePort()),
          "MYSQL_ADMIN_USER", "root", "MYSQL_ADMIN_PASSWORD", "unused", "REDIS_ADMIN_USER", "admin",
          "REDIS_ADMIN_PASSWORD", "unused", "KEYCLOAK_ADMIN_USER", "admin", "KEYCLOAK_ADMIN_PASSWORD", "unused",
          "HARBOR_USER", "admin", "HARBOR_PASSWORD", "unused"));
      env.putAll(Map.of("OPENBAO_TOKEN", "unused", "KUBERNETES_MASTER", api.url("/"),
          "KUBERNETES_AUTH_TRYKUBECONFIG", "false", "KUBERNETES_AUTH_TRYSERVICEACCOUNT", "false",
          "KUBERNETES_NAMESPACE", "wharf-system", "HOME", dir.toString()));
      Process operator = pb.start();
      boolean ended = operator.waitFor(90, TimeUnit.SECONDS);
      if (!ended) {
        operator.destroyForcibly();
      }
      String output = Files.readString(log);
      assertThat(ended).as("the process ended; its output:%n%s", output).isTrue();
      assertThat(operator.exitValue()).isEqualTo(1);
      assertThat(output).contains("wharf-operator cannot start");
    } finally {
      api.destroy();
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
