package dev.wharf.validate.policy;

import dev.wharf.validate.Finding;
import dev.wharf.validate.Resource;
import dev.wharf.validate.Yamls;
import java.util.function.Consumer;

/** helm-remediation: HelmReleases retry installs and roll back failed upgrades, cleaning up. */
final class HelmRemediation implements Policy {
  static final String ID = "helm-remediation";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String summary() {
    return "HelmReleases set install.remediation.retries, upgrade.remediation.retries (strategy rollback) and upgrade.cleanupOnFail: true";
  }

  @Override
  public void check(Resource r, PolicyContext ctx, Consumer<Finding> out) {
    if (!r.kind().equals("HelmRelease") || !r.ref().group().equals("helm.toolkit.fluxcd.io")) {
      return;
    }
    String fix = "Set spec.install.remediation.retries: 3, spec.upgrade.remediation: {retries: 3, strategy: rollback} "
        + "and spec.upgrade.cleanupOnFail: true so a failed release rolls back instead of staying broken.";
    if (!positive(Yamls.at(r.spec(), "install", "remediation", "retries"))) {
      out.accept(r.finding(ID, "spec.install.remediation.retries", "a failed install is not retried or remediated", fix));
    }
    if (!positive(Yamls.at(r.spec(), "upgrade", "remediation", "retries"))) {
      out.accept(r.finding(ID, "spec.upgrade.remediation.retries", "a failed upgrade is not remediated (rolled back)", fix));
    }
    Object strategy = Yamls.at(r.spec(), "upgrade", "remediation", "strategy");
    if (strategy != null && !"rollback".equals(strategy)) {
      out.accept(r.finding(ID, "spec.upgrade.remediation.strategy", "a failed upgrade is remediated by '" + strategy + "', not by a rollback", fix));
    }
    if (!Boolean.TRUE.equals(Yamls.at(r.spec(), "upgrade", "cleanupOnFail"))) {
      out.accept(r.finding(ID, "spec.upgrade.cleanupOnFail", "a failed upgrade leaves its new resources behind", fix));
    }
  }

  private static boolean positive(Object o) {
    return o instanceof Number n && n.longValue() != 0; // -1 means retry forever
  }
}
