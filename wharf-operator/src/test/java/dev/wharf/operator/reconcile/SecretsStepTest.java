package dev.wharf.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.api.App;
import dev.wharf.api.AppSpec;
import dev.wharf.core.AppRef;
import dev.wharf.operator.openbao.KvSecret;
import dev.wharf.operator.openbao.OpenBaoClient;
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
    @Override public long writeKv(String path, Map<String, String> data, long expectedVersion) {
      calls.add("writeKv " + path + " cas=" + expectedVersion);
      return expectedVersion + 1;
    }
    @Override public void deleteKv(String path) { calls.add("deleteKv " + path); }
  }

  static final AppRef REF = AppRef.of("team-a", "greeter");

  static AppRun run(SecretsStep step) {
    return new AppRun(new App(REF.namespace(), REF.name(), new AppSpec("team-a")), REF, step.load(REF));
  }

  @Test
  void theOperatorWritesTheAppsEntryOnlyWhenItDiffersAndNothingElse() {
    RecordingOpenBao openBao = new RecordingOpenBao();
    openBao.stored = Optional.of(new KvSecret(Map.of("MYSQL_PASSWORD", "p"), 1));
    SecretsStep step = new SecretsStep(openBao, "wharf");
    AppRun same = run(step);
    assertThat(step.store(same, same.storedEntry())).isEqualTo(1);
    AppRun changed = run(step);
    assertThat(step.store(changed, Map.of("MYSQL_PASSWORD", "q"))).isEqualTo(2);
    assertThat(openBao.calls).containsExactly("readKv apps/team-a/greeter", "readKv apps/team-a/greeter",
        "writeKv apps/team-a/greeter cas=1");
  }

  @Test
  void aWriteExpectsTheVersionReadAndANewEntryExpectsNone() {
    RecordingOpenBao openBao = new RecordingOpenBao();
    SecretsStep step = new SecretsStep(openBao, "wharf");
    assertThat(step.store(run(step), Map.of("K", "v"))).isEqualTo(1);
    openBao.stored = Optional.of(new KvSecret(Map.of("K", "v"), 7));
    assertThat(step.store(run(step), Map.of("K", "w"))).isEqualTo(8);
    assertThat(openBao.calls).filteredOn(c -> c.startsWith("writeKv"))
        .containsExactly("writeKv apps/team-a/greeter cas=0", "writeKv apps/team-a/greeter cas=7");
  }

  @Test
  void deletingAnAppRemovesItsEntryAndOnlyWhenThereIsOne() {
    RecordingOpenBao openBao = new RecordingOpenBao();
    SecretsStep step = new SecretsStep(openBao, "wharf");
    step.remove(run(step));
    openBao.stored = Optional.of(new KvSecret(Map.of("K", "v"), 1));
    step.remove(run(step));
    assertThat(openBao.calls).containsExactly("readKv apps/team-a/greeter", "readKv apps/team-a/greeter",
        "deleteKv apps/team-a/greeter");
  }
}
