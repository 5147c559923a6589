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
import dev.wharf.operator.harbor.RobotSecrets;
import dev.wharf.provisioning.ServiceException;
import java.util.List;
import java.util.Optional;

/**
 * Pull access to the team's Harbor project through a project robot. The robot is read by the id
 * OpenBao holds for it, and its stored secret checked with the registry's token service (two
 * reads, no write, on a resync). A robot is never replaced to change its secret: rotation, a
 * secret lost from OpenBao or changed in Harbor are repaired in place ({@code PATCH
 * /robots/{id}}) with a secret that is stored first, so the pull Secret never names a robot that
 * is gone, and a crash between the two leaves a stored secret the next reconcile sets again.
 * A robot is ours when it has this App's robot name and the description Wharf gave it: a robot
 * of ours that exists already (made before a crash, so Harbor answers 409) is taken over; a
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
    recordedProject(run).filter(former -> !former.equals(project))
        .ifPresent(former -> removeFrom(run, former)); // spec.team changed: no pull access left behind
    Optional<Robot> stored = storedRobot(run, project);
    if (stored.isPresent()) {
      return keepOrRefresh(run, project, stored.get());
    }
    long projectId = ensureProject(project);
    try {
      RobotCredentials created = harbor.createPullRobot(project, Names.harborRobot(run.ref()),
          Names.harborRobotDescription(run.ref()));
      return new Grant.Registry(project, created.id(), created.name(), Secret.of(created.secret()), false);
    } catch (ServiceException e) {
      if (e.status() != 409) {
        throw e;
      }
    }
    // The name is taken: by a robot of ours whose id was never stored (a crash after creating
    // it), which is taken over, or by someone else's, which is left alone.
    Robot named = named(run, projectId).stream().findFirst().orElseThrow(() -> ServiceException.rejected("Harbor",
        "Harbor says a robot named " + Names.harborRobot(run.ref()) + " exists in project " + project
            + " but does not list it; retrying"));
    if (!ours(run, named)) {
      throw new StepFailure.Refusal(Reason.CONFLICT, "Harbor project " + project + " has a robot named "
          + named.name() + " that Wharf did not make for " + run.ref()
          + ": delete that robot in Harbor, or give the App another name");
    }
    return new Grant.Registry(project, named.id(), named.name(), newSecret(run), true);
  }

  /**
   * The stored robot keeps its stored secret while the registry accepts it. Otherwise the stored
   * secret is set on it again (it is the truth: stored before a crash, or changed in Harbor
   * behind our back), unless a rotation is due, none is stored, or it is one Harbor made that
   * its own rule for set secrets refuses: then a new one.
   */
  private Grant keepOrRefresh(AppRun run, String project, Robot robot) {
    Optional<Secret> storedSecret = run.storedValue(REGISTRY_PASSWORD).map(Secret::of);
    if (run.rotate(REGISTRY_PASSWORD) || storedSecret.isEmpty()) {
      return new Grant.Registry(project, robot.id(), robot.name(), RobotSecrets.generate(), true);
    }
    if (harbor.robotSecretWorks(robot.name(), storedSecret.get(), project)) {
      return new Grant.Registry(project, robot.id(), robot.name(), storedSecret.get(), false);
    }
    return new Grant.Registry(project, robot.id(), robot.name(), newSecret(run), true);
  }

  /** The stored secret when Harbor would accept it and no rotation is due (it is the truth), else a new one. */
  private static Secret newSecret(AppRun run) {
    return run.storedValue(REGISTRY_PASSWORD).filter(RobotSecrets::acceptable).filter(s -> !run.rotate(REGISTRY_PASSWORD))
        .map(Secret::of).orElseGet(RobotSecrets::generate);
  }

  /** Sets the robot's secret in Harbor, now that OpenBao holds it. */
  @Override
  public void afterStore(AppRun run, Grant grant) {
    if (grant instanceof Grant.Registry registry && registry.setSecret()) {
      harbor.refreshSecret(registry.robotId(), registry.robotSecret());
    }
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

  private long ensureProject(String project) {
    return harbor.projectId(project).orElseGet(() -> {
      harbor.createProject(project);
      return harbor.projectId(project).orElseThrow(() -> new StepFailure.Refusal(Reason.REJECTED,
          "Harbor did not create project " + project + "; check the operator's Harbor account may create projects"));
    });
  }

  /** The robot whose id OpenBao holds, when it is still ours and in {@code project}. */
  private Optional<Robot> storedRobot(AppRun run, String project) {
    return run.storedValue(REGISTRY_ROBOT_ID).flatMap(RegistryStep::robotId).flatMap(harbor::robot)
        .filter(r -> ours(run, r) && project.equals(r.project()));
  }

  private static Optional<Long> robotId(String stored) {
    try {
      return Optional.of(Long.parseLong(stored));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
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

  /** Ours: this App's robot name and the description Wharf gives it, which only Wharf sets. */
  private static boolean ours(AppRun run, Robot robot) {
    return robot.name().endsWith("+" + Names.harborRobot(run.ref()))
        && Names.harborRobotDescription(run.ref()).equals(robot.description());
  }
}
