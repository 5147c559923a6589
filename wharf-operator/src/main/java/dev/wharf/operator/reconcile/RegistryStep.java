package dev.wharf.operator.reconcile;

import static dev.wharf.operator.model.PlatformKeys.REGISTRY;
import static dev.wharf.operator.model.PlatformKeys.REGISTRY_PASSWORD;
import static dev.wharf.operator.model.PlatformKeys.REGISTRY_ROBOT_ID;
import static dev.wharf.operator.model.PlatformKeys.REGISTRY_USERNAME;

import dev.wharf.api.AppSpec;
import dev.wharf.api.AppStatus;
import dev.wharf.operator.harbor.HarborClient;
import dev.wharf.operator.harbor.Robot;
import dev.wharf.operator.harbor.RobotCredentials;
import dev.wharf.operator.model.AppNames;
import dev.wharf.provisioning.DeletionPolicy;
import java.util.List;
import java.util.Optional;

/**
 * Pull access to the team's Harbor project through a project robot. Harbor shows a robot's
 * secret only when it is created, so the robot we keep is the one whose id and secret OpenBao
 * holds; any other robot of ours (secret lost, or rotation) is deleted and a new one made.
 */
public final class RegistryStep implements CapabilityStep {
  private final HarborClient harbor;

  public RegistryStep(HarborClient harbor) {
    this.harbor = harbor;
  }

  @Override public String condition() { return AppStatus.REGISTRY_READY; }

  @Override public boolean enabled(AppSpec spec) { return spec.registryEnabled(); }

  @Override public boolean mayExist(AppRun run) { return run.storedValue(REGISTRY_ROBOT_ID).isPresent(); }

  @Override
  public String describe(AppRun run) {
    return "robot " + run.storedValue(REGISTRY_USERNAME).orElse(AppNames.harborRobot(run.ref()))
        + " can pull from Harbor project " + AppNames.harborProject(run.app().getSpec().getTeam());
  }

  @Override
  public void ensure(AppRun run) {
    String project = AppNames.harborProject(run.app().getSpec().getTeam());
    long projectId = harbor.projectId(project).orElseGet(() -> {
      harbor.createProject(project);
      return harbor.projectId(project).orElseThrow(() -> new StepFailure.Refusal(StepFailure.REJECTED,
          "Harbor did not create project " + project + "; check the operator's Harbor account may create projects"));
    });
    removeFromFormerProject(run, project);
    List<Robot> ours = ours(run, projectId);
    Optional<String> storedId = run.storedValue(REGISTRY_ROBOT_ID);
    Optional<Robot> kept = ours.stream()
        .filter(r -> !run.rotate() && storedId.isPresent() && storedId.get().equals(Long.toString(r.id()))
            && run.storedValue(REGISTRY_USERNAME).orElse("").equals(r.name())
            && run.storedValue(REGISTRY_PASSWORD).isPresent())
        .findFirst();
    if (kept.isEmpty()) {
      for (Robot stale : ours) {
        harbor.deleteRobot(stale.id());
      }
      RobotCredentials created = harbor.createPullRobot(project, AppNames.harborRobot(run.ref()),
          "Wharf: pull access for " + run.ref());
      run.put(REGISTRY_USERNAME, created.name());
      run.put(REGISTRY_PASSWORD, created.secret());
      run.put(REGISTRY_ROBOT_ID, Long.toString(created.id()));
    }
    run.names().setRegistryRobot(run.desired().get(REGISTRY_USERNAME));
  }

  @Override
  public void remove(AppRun run, DeletionPolicy policy) {
    String team = run.app().getSpec().getTeam();
    Optional<Long> projectId = harbor.projectId(AppNames.harborProject(team));
    if (projectId.isPresent()) {
      for (Robot r : ours(run, projectId.get())) {
        harbor.deleteRobot(r.id());
      }
    }
    run.removeAll(REGISTRY);
  }

  /**
   * When spec.team changed, the stored robot belongs to the old team's project (its name is
   * {@code robot$<project>+...}): delete it there so it does not keep pull access.
   */
  private void removeFromFormerProject(AppRun run, String project) {
    String stored = run.storedValue(REGISTRY_USERNAME).orElse("");
    int dollar = stored.indexOf('$');
    int plus = stored.indexOf('+');
    if (dollar < 0 || plus < dollar) {
      return;
    }
    String former = stored.substring(dollar + 1, plus);
    if (!former.equals(project)) {
      harbor.projectId(former).ifPresent(id -> ours(run, id).forEach(r -> harbor.deleteRobot(r.id())));
    }
  }

  /** Robots of this app: Harbor names them {@code robot$<project>+<name>} (the prefix is configurable in Harbor). */
  private List<Robot> ours(AppRun run, long projectId) {
    String suffix = "+" + AppNames.harborRobot(run.ref());
    return harbor.projectRobots(projectId).stream().filter(r -> r.name().endsWith(suffix)).toList();
  }
}
