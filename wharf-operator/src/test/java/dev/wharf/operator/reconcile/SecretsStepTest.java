package dev.wharf.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.api.App;
import dev.wharf.api.AppSpec;
import dev.wharf.operator.openbao.KvSecret;
import dev.wharf.operator.openbao.OpenBaoClient;
import dev.wharf.provisioning.AppRef;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretsStepTest {
  /** Records the calls instead of sending them. */
  static class RecordingOpenBao extends OpenBaoClient {
    final List<String> calls = new ArrayList<>();
    Optional<KvSecret> stored = Optional.empty();

    RecordingOpenBao() {
      super(URI.create("http://127.0.0.1:1"), () -> "unused", "wharf");
    }

    @Override public Optional<KvSecret> readKv(String path) { calls.add("readKv " + path); return stored; }
    @Override public long writeKv(String path, Map<String, String> data) { calls.add("writeKv " + path); return 2; }
    @Override public void deleteKv(String path) { calls.add("deleteKv " + path); }
  }

  static AppRun run(String ns, String name) {
    return new AppRun(new App(ns, name, new AppSpec("team-a")), AppRef.of(ns, name));
  }

  @Test
  void theOperatorWritesTheAppsEntryOnlyWhenItDiffersAndNothingElse() {
    RecordingOpenBao openBao = new RecordingOpenBao();
    openBao.stored = Optional.of(new KvSecret(Map.of("MYSQL_PASSWORD", "p"), 1));
    SecretsStep step = new SecretsStep(openBao, "wharf");
    AppRun same = run("team-a", "greeter");
    step.load(same);
    step.ensure(same);
    AppRun changed = run("team-a", "greeter");
    step.load(changed);
    changed.put("MYSQL_PASSWORD", "q");
    step.ensure(changed);
    assertThat(openBao.calls).containsExactly("readKv apps/team-a/greeter", "readKv apps/team-a/greeter",
        "writeKv apps/team-a/greeter");
  }

  @Test
  void deletingAnAppRemovesItsEntryAndOnlyWhenThereIsOne() {
    RecordingOpenBao openBao = new RecordingOpenBao();
    SecretsStep step = new SecretsStep(openBao, "wharf");
    AppRun none = run("team-a", "greeter");
    step.load(none);
    step.remove(none);
    openBao.stored = Optional.of(new KvSecret(Map.of("K", "v"), 1));
    AppRun some = run("team-a", "greeter");
    step.load(some);
    step.remove(some);
    assertThat(openBao.calls).containsExactly("readKv apps/team-a/greeter", "readKv apps/team-a/greeter",
        "deleteKv apps/team-a/greeter");
  }
}
