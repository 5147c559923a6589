package dev.wharf.operator.reconcile;

import dev.wharf.operator.model.AppNames;
import dev.wharf.operator.openbao.OpenBaoClient;
import dev.wharf.provisioning.AppRef;
import java.util.Map;

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
  public void load(AppRun run) {
    run.loadStored(openBao.readKv(AppNames.kvPath(run.ref())));
  }

  public String describe(AppRun run) {
    return "credentials stored at " + kvMount + "/" + AppNames.kvPath(run.ref()) + " (version " + run.kvVersion()
        + "), readable only by ServiceAccount " + AppNames.serviceAccount(run.ref()) + " of namespace "
        + run.ref().namespace();
  }

  public void ensure(AppRun run) {
    AppRef ref = run.ref();
    Map<String, String> desired = run.desired();
    if (run.stored().isEmpty() || !run.stored().get().data().equals(desired)) {
      run.kvVersion(openBao.writeKv(AppNames.kvPath(ref), desired));
    } else {
      run.kvVersion(run.stored().get().version());
    }
    run.names().setOpenBaoPath(kvMount + "/" + AppNames.kvPath(ref));
  }

  /** Deletes the App's entry, every version of it, when there is one: its path is the App's own. */
  public void remove(AppRun run) {
    if (run.stored().isPresent()) {
      openBao.deleteKv(AppNames.kvPath(run.ref()));
    }
  }
}
