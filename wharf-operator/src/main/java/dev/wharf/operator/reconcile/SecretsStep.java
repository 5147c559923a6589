package dev.wharf.operator.reconcile;

import dev.wharf.operator.model.AppNames;
import dev.wharf.operator.model.PolicyHcl;
import dev.wharf.operator.openbao.KubernetesRole;
import dev.wharf.operator.openbao.OpenBaoClient;
import dev.wharf.provisioning.AppRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * OpenBao: the app's credentials at {@code <mount>/apps/<ns>/<app>}, a policy that reads only
 * that path, and a Kubernetes-auth role for the app's ServiceAccount. Each is read first and
 * written only when it differs, so an unchanged App costs a few reads and no write.
 */
public final class SecretsStep {
  /** Token lifetime of the role: ESO logs in again for each refresh. */
  static final long TOKEN_TTL_SECONDS = 600;

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

  /**
   * Refuses an App whose role and policy names already belong to another app, before anything
   * is provisioned for it: otherwise its users and client would be made on every reconcile
   * with nowhere to store their secrets.
   */
  public void refuseIfNamesTaken(AppRun run) {
    refuseForeign(run.ref(), openBao.readRole(AppNames.openBaoRole(run.ref())));
  }

  public String describe(AppRun run) {
    return "credentials stored at " + kvMount + "/" + AppNames.kvPath(run.ref()) + " (version " + run.kvVersion()
        + "), readable only by role " + AppNames.openBaoRole(run.ref());
  }

  public void ensure(AppRun run) {
    AppRef ref = run.ref();
    KubernetesRole role = role(ref);
    Optional<KubernetesRole> existingRole = openBao.readRole(AppNames.openBaoRole(ref));
    refuseForeign(ref, existingRole);
    Map<String, String> desired = run.desired();
    if (run.stored().isEmpty() || !run.stored().get().data().equals(desired)) {
      run.kvVersion(openBao.writeKv(AppNames.kvPath(ref), desired));
    } else {
      run.kvVersion(run.stored().get().version());
    }
    String hcl = PolicyHcl.forApp(kvMount, ref);
    if (!openBao.readPolicy(AppNames.policy(ref)).map(hcl::equals).orElse(false)) {
      openBao.writePolicy(AppNames.policy(ref), hcl);
    }
    if (!existingRole.map(role::equals).orElse(false)) {
      openBao.writeRole(AppNames.openBaoRole(ref), role);
    }
    run.names().setOpenBaoPath(kvMount + "/" + AppNames.kvPath(ref));
  }

  /**
   * Credentials and access are always revoked: the secret, the policy and the role go. A role
   * and policy of the same names that belong to another app (this one was refused as a
   * Conflict) are that app's and stay, so deleting the refused App is not blocked.
   */
  public void remove(AppRun run) {
    AppRef ref = run.ref();
    openBao.deleteKv(AppNames.kvPath(ref));
    if (AppNames.PLATFORM_OPENBAO_ROLES.contains(AppNames.openBaoRole(ref))) {
      return; // refused at the spec check; the platform's role is not the operator's to touch
    }
    Optional<KubernetesRole> existingRole = openBao.readRole(AppNames.openBaoRole(ref));
    if (existingRole.isPresent() && !ownedBy(ref, existingRole.get())) {
      return;
    }
    openBao.deleteRole(AppNames.openBaoRole(ref));
    openBao.deletePolicy(AppNames.policy(ref));
  }

  private static boolean ownedBy(AppRef ref, KubernetesRole role) {
    return role.serviceAccountNamespaces().equals(List.of(ref.namespace()));
  }

  static KubernetesRole role(AppRef ref) {
    return new KubernetesRole(List.of(AppNames.serviceAccount(ref)), List.of(ref.namespace()),
        List.of(AppNames.policy(ref)), "", TOKEN_TTL_SECONDS);
  }

  /**
   * Role and policy names join namespace and app with '-', so team-a/x and team/a-x share
   * them. The first app keeps the names; the other is refused instead of taking them over.
   */
  private static void refuseForeign(AppRef ref, Optional<KubernetesRole> existing) {
    if (existing.isPresent() && !ownedBy(ref, existing.get())) {
      throw new StepFailure.Refusal(StepFailure.CONFLICT, "OpenBao role " + AppNames.openBaoRole(ref)
          + " already belongs to an app in namespace " + existing.get().serviceAccountNamespaces()
          + ": rename this App so that <namespace>-<name> is unique");
    }
  }
}
