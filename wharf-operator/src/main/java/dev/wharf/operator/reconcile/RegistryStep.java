package dev.wharf.operator.reconcile;

import static dev.wharf.core.PlatformKeys.REGISTRY_PASSWORD;
import static dev.wharf.core.PlatformKeys.REGISTRY_PROJECT;
import static dev.wharf.core.PlatformKeys.REGISTRY_ROBOT_ID;
import static dev.wharf.core.PlatformKeys.REGISTRY_USERNAME;

import dev.wharf.api.AppSpec;
import dev.wharf.api.AppStatus;
import dev.wharf.api.ProvisionedNames;
import dev.wharf.core.DeletionPolicy;
import dev.wharf.core.DnsLabel;
import dev.wharf.core.Names;
import dev.wharf.core.PlatformKeys;
import dev.wharf.core.Secret;
import dev.wharf.core.TeamName;
import dev.wharf.operator.harbor.HarborClient;
import dev.wharf.operator.harbor.Robot;
import dev.wharf.operator.harbor.RobotCredentials;
import java.util.List;
import java.util.Optional;

/**
 * Pull access to the team's Harbor project through a project robot. Harbor shows a robot's
 * secret only when it is created, so the robot we keep is the one whose id and secret OpenBao
 * holds; any other robot of ours (secret lost, or rotation) is deleted and a new one made. A
 * robot is ours when it has this App's robot name and the description Wharf gave it; a
 * same-named robot that someone else made is never changed or deleted. The project the robot
 * lives in is recorded with it, so a robot left in a team's project after the App moved to
 * another team is found again and removed.
 */
public final class RegistryStep implements CapabilityStep {
  private final HarborClient harbor;

  public RegistryStep(HarborClient harbor) {
    this.harbor = harbor;
  }

  @Override public String condition() { return AppStatus.REGISTRY_READY; }

  @Override public boolean enabled(AppSpec spec) { return spec.registryEnabled(); }

  @Override public List<String> keys() { return PlatformKeys.REGISTRY; }

  @Override
  public boolean recorded(AppRun run) {
    return recordedRobot(run).isPresent();
  }

  @Override
  public Grant ensure(AppRun run) {
    String project = Names.harborProject(TeamName.of(run.app().getSpec().getTeam()));
    long projectId = harbor.projectId(project).orElseGet(() -> {
      harbor.createProject(project);
      return harbor.projectId(project).orElseThrow(() -> new StepFailure.Refusal(Reason.REJECTED,
          "Harbor did not create project " + project + "; check the operator's Harbor account may create projects"));
    });
    recordedProject(run).filter(former -> !former.equals(project))
        .ifPresent(former -> removeFrom(run, former)); // spec.team changed: no pull access left behind
    List<Robot> named = named(run, projectId);
    List<Robot> ours = named.stream().filter(r -> ours(run, r)).toList();
    if (ours.size() < named.size()) {
      throw new StepFailure.Refusal(Reason.CONFLICT, "Harbor project " + project + " has a robot named "
          + named.getFirst().name() + " that Wharf did not make for " + run.ref()
          + ": delete that robot in Harbor, or give the App another name");
    }
    Optional<String> storedId = run.storedValue(REGISTRY_ROBOT_ID);
    Optional<Robot> kept = ours.stream()
        .filter(r -> !run.rotate(REGISTRY_PASSWORD) && storedId.isPresent() && storedId.get().equals(Long.toString(r.id()))
            && run.storedValue(REGISTRY_USERNAME).orElse("").equals(r.name())
            && run.storedValue(REGISTRY_PASSWORD).isPresent())
        .findFirst();
    if (kept.isPresent()) {
      return new Grant.Registry(project, kept.get().id(), kept.get().name(),
          Secret.of(run.storedValue(REGISTRY_PASSWORD).orElseThrow()));
    }
    for (Robot stale : ours) {
      harbor.deleteRobot(stale.id());
    }
    RobotCredentials created = harbor.createPullRobot(project, Names.harborRobot(run.ref()),
        Names.harborRobotDescription(run.ref()));
    return new Grant.Registry(project, created.id(), created.name(), Secret.of(created.secret()));
  }

  /** Deletes the robots of ours in the project the recorded robot lives in. */
  @Override
  public void remove(AppRun run, DeletionPolicy policy) {
    recordedProject(run).ifPresent(project -> removeFrom(run, project));
  }

  private void removeFrom(AppRun run, String project) {
    harbor.projectId(project).ifPresent(id -> named(run, id).stream().filter(r -> ours(run, r))
        .forEach(r -> harbor.deleteRobot(r.id())));
  }

  /** The full name of the robot recorded for this App, when it is the name Wharf derives for it. */
  private static Optional<String> recordedRobot(AppRun run) {
    return run.recorded(REGISTRY_USERNAME, ProvisionedNames::getRegistryRobot)
        .filter(name -> name.endsWith("+" + Names.harborRobot(run.ref())));
  }

  /**
   * The project the recorded robot was made in. A record written before the project was
   * recorded with the robot names none: such a robot is looked for in the project of the
   * App's team.
   */
  private static Optional<String> recordedProject(AppRun run) {
    return recordedRobot(run).flatMap(robot -> run.recorded(REGISTRY_PROJECT, ProvisionedNames::getRegistryProject)
        .or(() -> Optional.ofNullable(run.app().getSpec()).map(AppSpec::getTeam).filter(DnsLabel::isValid)
            .map(team -> Names.harborProject(TeamName.of(team)))));
  }

  /** Robots with this App's robot name: Harbor names them {@code robot$<project>+<name>} (the prefix is configurable in Harbor). */
  private List<Robot> named(AppRun run, long projectId) {
    String suffix = "+" + Names.harborRobot(run.ref());
    return harbor.projectRobots(projectId).stream().filter(r -> r.name().endsWith(suffix)).toList();
  }

  private static boolean ours(AppRun run, Robot robot) {
    return Names.harborRobotDescription(run.ref()).equals(robot.description());
  }
}
