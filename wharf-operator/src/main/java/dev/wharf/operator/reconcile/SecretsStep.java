package dev.wharf.operator.reconcile;

import dev.wharf.core.AppRef;
import dev.wharf.core.Names;
import dev.wharf.operator.openbao.KvSecret;
import dev.wharf.operator.openbao.OpenBaoClient;
import java.util.Map;
import java.util.Optional;

/**
 * OpenBao: the app's credentials at {@code <mount>/apps/<ns>/<app>}, read first and written
 * only when they differ, so an unchanged App costs one read and no write. Who may read the
 * entry is not the operator's to decide: the platform's one policy {@code wharf-app}
 * (gitops/services/openbao/bootstrap) lets each app's ServiceAccount read only
 * {@code apps/<its namespace>/<its name>}, so the operator writes entries and nothing else.
 */
public final class SecretsStep {
  private final OpenBaoClient openBao;
  private final String kvMount;

  public SecretsStep(OpenBaoClient openBao, String kvMount) {
    this.openBao = openBao;
    this.kvMount = kvMount;
  }

  /** Reads what OpenBao holds for the app (before the capability steps run). */
  public Optional<KvSecret> load(AppRef ref) {
    return openBao.readKv(Names.kvPath(ref));
  }

  /** Where the entry is, with its mount: what status.provisioned shows. */
  public String path(AppRef ref) {
    return kvMount + "/" + Names.kvPath(ref);
  }

  public String describe(AppRun run, long version) {
    return "credentials stored at " + path(run.ref()) + " (version " + version
        + "), readable only by ServiceAccount " + Names.serviceAccount(run.ref()) + " of namespace "
        + run.ref().namespace();
  }

  /**
   * Stores {@code entry} unless OpenBao holds exactly it; returns the version that holds it. The
   * write expects the version this reconcile read (check-and-set): if anything wrote the entry
   * since, OpenBao refuses, and the next reconcile starts again from what is stored then.
   */
  public long store(AppRun run, Map<String, String> entry) {
    if (run.stored().isPresent() && run.stored().get().data().equals(entry)) {
      return run.stored().get().version();
    }
    return openBao.writeKv(Names.kvPath(run.ref()), entry, run.stored().map(KvSecret::version).orElse(0L));
  }

  /** Deletes the App's entry, every version of it, when there is one: its path is the App's own. */
  public void remove(AppRun run) {
    if (run.stored().isPresent()) {
      openBao.deleteKv(Names.kvPath(run.ref()));
    }
  }
}
