package dev.wharf.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.api.App;
import dev.wharf.api.AppSpec;
import dev.wharf.operator.openbao.KubernetesRole;
import dev.wharf.operator.openbao.OpenBaoClient;
import dev.wharf.provisioning.AppRef;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretsStepTest {
  /** Records calls; OpenBao's policy for the operator denies the platform's own roles (403). */
  static class RecordingOpenBao extends OpenBaoClient {
    final List<String> calls = new ArrayList<>();

    RecordingOpenBao() {
      super(URI.create("http://127.0.0.1:1"), () -> "unused", "wharf", "kubernetes");
    }

    @Override public void deleteKv(String path) { calls.add("deleteKv " + path); }
    @Override public Optional<KubernetesRole> readRole(String name) { calls.add("readRole " + name); return Optional.empty(); }
    @Override public void deleteRole(String name) { calls.add("deleteRole " + name); }
    @Override public void deletePolicy(String name) { calls.add("deletePolicy " + name); }
  }

  static AppRun run(String ns, String name) {
    return new AppRun(new App(ns, name, new AppSpec("team-a")), AppRef.of(ns, name));
  }

  @Test
  void deletingAnAppNamedLikeAPlatformRoleLeavesThatRoleAlone() {
    RecordingOpenBao openBao = new RecordingOpenBao();
    new SecretsStep(openBao, "wharf").remove(run("external", "secrets"));
    assertThat(openBao.calls).containsExactly("deleteKv apps/external/secrets");
  }

  @Test
  void deletingAnAppRemovesItsSecretRoleAndPolicy() {
    RecordingOpenBao openBao = new RecordingOpenBao();
    new SecretsStep(openBao, "wharf").remove(run("team-a", "greeter"));
    assertThat(openBao.calls).containsExactly("deleteKv apps/team-a/greeter", "readRole team-a-greeter",
        "deleteRole team-a-greeter", "deletePolicy wharf-app-team-a-greeter");
  }
}
