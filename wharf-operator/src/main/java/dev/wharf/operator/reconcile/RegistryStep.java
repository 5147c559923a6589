package dev.wharf.operator.reconcile;

import static dev.wharf.operator.model.PlatformKeys.REGISTRY;
import static dev.wharf.operator.model.PlatformKeys.REGISTRY_PASSWORD;
import static dev.wharf.operator.model.PlatformKeys.REGISTRY_ROBOT_ID;
import static dev.wharf.operator.model.PlatformKeys.REGISTRY_USERNAME;

import dev.wharf.api.AppSpec;
import dev.wharf.api.AppStatus;
import dev.wharf.api.ProvisionedNames;
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
 * holds; any other robot of ours (secret lost, or rotation) is deleted and a new one made. A
 * robot is ours when it has this App's robot name and the description Wharf gave it; a
 * same-named robot that someone else made is never changed or deleted.
 */
public final class RegistryStep implements CapabilityStep {
  private final HarborClient harbor;

  public RegistryStep(HarborClient harbor) {
    this.harbor = harbor;
  }

  @Override public String condition() { return AppStatus.REGISTRY_READY; }

  @Override public boolean enabled(AppSpec spec) { return spec.registryEnabled(); }

  @Override
  public boolean recorded(AppRun run) {
    return recordedRobot(run).isPresent();
  }

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
    recordedRobot(run).flatMap(AppNames::harborRobotProject).filter(former -> !former.equals(project))
        .ifPresent(former -> removeFrom(run, former)); // spec.team changed: no pull access left behind
    List<Robot> named = named(run, projectId);
    List<Robot> ours = named.stream().filter(r -> ours(run, r)).toList();
    if (ours.size() < named.size()) {
      throw new StepFailure.Refusal(StepFailure.CONFLICT, "Harbor project " + project + " has a robot named "
          + named.getFirst().name() + " that Wharf did not make for " + run.ref()
          + ": delete that robot in Harbor, or give the App another name");
    }
    Optional<String> storedId = run.storedValue(REGISTRY_ROBOT_ID);
    Optional<Robot> kept = ours.stream()
        .filter(r -> !run.rotate(REGISTRY_PASSWORD) && storedId.isPresent() && storedId.get().equals(Long.toString(r.id()))
            && run.storedValue(REGISTRY_USERNAME).orElse("").equals(r.name())
            && run.storedValue(REGISTRY_PASSWORD).isPresent())
        .findFirst();
    if (kept.isEmpty()) {
      for (Robot stale : ours) {
        harbor.deleteRobot(stale.id());
      }
      RobotCredentials created = harbor.createPullRobot(project, AppNames.harborRobot(run.ref()),
          AppNames.harborRobotDescription(run.ref()));
      run.put(REGISTRY_USERNAME, created.name());
      run.put(REGISTRY_PASSWORD, created.secret());
      run.put(REGISTRY_ROBOT_ID, Long.toString(created.id()));
    }
    run.markRotated(REGISTRY_PASSWORD);
    run.names().setRegistryRobot(run.desired().get(REGISTRY_USERNAME));
  }

  /** Deletes the robots of ours in the project the recorded robot lives in. */
  @Override
  public void remove(AppRun run, DeletionPolicy policy) {
    recordedRobot(run).flatMap(AppNames::harborRobotProject).ifPresent(project -> removeFrom(run, project));
    run.removeAll(REGISTRY);
  }

  private void removeFrom(AppRun run, String project) {
    harbor.projectId(project).ifPresent(id -> named(run, id).stream().filter(r -> ours(run, r))
        .forEach(r -> harbor.deleteRobot(r.id())));
  }

  /** The full name of the robot recorded for this App, when it is the name Wharf derives for it. */
  private static Optional<String> recordedRobot(AppRun run) {
    return run.recorded(REGISTRY_USERNAME, ProvisionedNames::getRegistryRobot)
        .filter(name -> name.endsWith("+" + AppNames.harborRobot(run.ref())));
  }

  /** Robots with this App's robot name: Harbor names them {@code robot$<project>+<name>} (the prefix is configurable in Harbor). */
  private List<Robot> named(AppRun run, long projectId) {
    String suffix = "+" + AppNames.harborRobot(run.ref());
    return harbor.projectRobots(projectId).stream().filter(r -> r.name().endsWith(suffix)).toList();
  }

  private static boolean ours(AppRun run, Robot robot) {
    return AppNames.harborRobotDescription(run.ref()).equals(robot.description());
  }
}
