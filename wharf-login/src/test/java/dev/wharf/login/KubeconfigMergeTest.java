package dev.wharf.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeconfigMergeTest {

  private static final String EXISTING = """
      apiVersion: v1
      kind: Config
      preferences: {colors: true}
      current-context: admin@talos
      clusters:
      - name: talos
        cluster:
          server: https://10.0.0.10:6443
          certificate-authority-data: Q0E=
          extensions:
          - name: keep-me
            extension: {x: 1}
      - name: wharf
        cluster: {server: https://old.example.com:6443, tls-server-name: api.internal}
      contexts:
      - name: admin@talos
        context: {cluster: talos, user: admin@talos, namespace: kube-system}
      users:
      - name: admin@talos
        user: {client-certificate-data: Q0VSVA==, client-key-data: S0VZ}
      x-unknown-top: {kept: yes}
      """;

  @TempDir Path dir;

  private static KubeconfigEntry entry(String server, String context, String cluster) {
    return new KubeconfigEntry("kubernetes@kc/wharf", "/opt/wharf/wharf",
        List.of("token", "--issuer", "https://kc/realms/wharf"), Map.of(), context, cluster,
        server, null);
  }

  private Path existing() throws Exception {
    Path file = dir.resolve("config");
    Files.writeString(file, EXISTING);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
    return file;
  }

  @Test
  void keepsOtherEntriesAndUnknownFieldsAndUpdatesOnlyWharfsOwn() throws Exception {
    Path file = existing();
    KubeconfigMerge.Outcome outcome =
        KubeconfigFile.merge(file, entry("https://api.wharf.example.com:6443", "wharf", "wharf"));
    assertThat(outcome.clusterWritten()).isTrue();
    assertThat(outcome.contextWritten()).isTrue();
    assertThat(outcome.madeCurrent()).isFalse();

    Map<String, Object> doc = KubeconfigFile.load(file);
    assertThat(doc).containsEntry("current-context", "admin@talos")
        .containsEntry("x-unknown-top", Map.of("kept", true))
        .containsEntry("preferences", Map.of("colors", true));
    assertThat(byName(doc, "users", "admin@talos")).containsEntry("user",
        Map.of("client-certificate-data", "Q0VSVA==", "client-key-data", "S0VZ"));
    assertThat(byName(doc, "clusters", "talos").toString()).contains("keep-me");
    @SuppressWarnings("unchecked")
    Map<String, Object> wharfCluster = (Map<String, Object>) byName(doc, "clusters", "wharf").get("cluster");
    assertThat(wharfCluster).containsEntry("server", "https://api.wharf.example.com:6443")
        .containsEntry("tls-server-name", "api.internal");
    assertThat(byName(doc, "contexts", "wharf")).containsEntry("context",
        Map.of("cluster", "wharf", "user", "kubernetes@kc/wharf"));
    @SuppressWarnings("unchecked")
    Map<String, Object> exec = (Map<String, Object>)
        ((Map<String, Object>) byName(doc, "users", "kubernetes@kc/wharf").get("user")).get("exec");
    assertThat(exec).containsEntry("apiVersion", "client.authentication.k8s.io/v1")
        .containsEntry("command", "/opt/wharf/wharf")
        .containsEntry("args", List.of("token", "--issuer", "https://kc/realms/wharf"))
        .containsEntry("interactiveMode", "Never");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-r-----");
  }

  @Test
  void loggingInTwiceDoesNotDuplicateEntries() throws Exception {
    Path file = existing();
    KubeconfigFile.merge(file, entry("https://a:6443", "wharf", "wharf"));
    String once = Files.readString(file);
    KubeconfigFile.merge(file, entry("https://a:6443", "wharf", "wharf"));
    assertThat(Files.readString(file)).isEqualTo(once);
  }

  @Test
  void withoutServerWritesOnlyTheUserUnlessTheClusterExists() throws Exception {
    Path file = existing();
    KubeconfigMerge.Outcome noCluster = KubeconfigFile.merge(file, entry(null, "dev", "nowhere"));
    assertThat(noCluster.contextWritten()).isFalse();
    assertThat(byName(KubeconfigFile.load(file), "contexts", "dev")).isNull();
    assertThat(byName(KubeconfigFile.load(file), "users", "kubernetes@kc/wharf")).isNotNull();

    KubeconfigMerge.Outcome onTalos = KubeconfigFile.merge(file, entry(null, "talos-oidc", "talos"));
    assertThat(onTalos.clusterWritten()).isFalse();
    assertThat(onTalos.contextWritten()).isTrue();
    assertThat(byName(KubeconfigFile.load(file), "clusters", "talos").toString())
        .contains("https://10.0.0.10:6443");
  }

  @Test
  void newFileIsCreatedOwnerOnlyAndContextBecomesCurrent() throws Exception {
    Path file = dir.resolve("sub/config");
    KubeconfigMerge.Outcome outcome = KubeconfigFile.merge(file, entry("https://a:6443", "wharf", "wharf"));
    assertThat(outcome.madeCurrent()).isTrue();
    assertThat(KubeconfigFile.load(file)).containsEntry("current-context", "wharf")
        .containsEntry("kind", "Config");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void brokenYamlIsReportedAndLeftUnchanged() throws Exception {
    Path file = dir.resolve("config");
    Files.writeString(file, "clusters: [unclosed\n");
    assertThatThrownBy(() -> KubeconfigFile.merge(file, entry("https://a:6443", "wharf", "wharf")))
        .isInstanceOf(LoginException.class)
        .hasMessageContaining(file.toString()).hasMessageContaining("left unchanged");
    assertThat(Files.readString(file)).isEqualTo("clusters: [unclosed\n");
    Files.writeString(file, "users: 3\n");
    assertThatThrownBy(() -> KubeconfigFile.merge(file, entry(null, "wharf", "wharf")))
        .hasMessageContaining("'users' is not a list");
  }

  @Test
  void choosesLikeKubectl() throws Exception {
    Path a = dir.resolve("a");
    Path b = existing();
    assertThat(KubeconfigFile.choose("/explicit/kc", Map.of("KUBECONFIG", b.toString()), "/h", "x"))
        .isEqualTo(Path.of("/explicit/kc"));
    assertThat(KubeconfigFile.choose(null, Map.of("KUBECONFIG", a + ":" + b), "/h", "admin@talos"))
        .isEqualTo(b);
    assertThat(KubeconfigFile.choose(null, Map.of("KUBECONFIG", a + ":" + b), "/h", "new"))
        .isEqualTo(a);
    assertThat(KubeconfigFile.choose(null, Map.of(), "/h", "new"))
        .isEqualTo(Path.of("/h/.kube/config"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> byName(Map<String, Object> doc, String list, String name) {
    for (Object o : (List<Object>) doc.get(list)) {
      Map<String, Object> m = (Map<String, Object>) o;
      if (name.equals(m.get("name"))) {
        return m;
      }
    }
    return null;
  }
}
