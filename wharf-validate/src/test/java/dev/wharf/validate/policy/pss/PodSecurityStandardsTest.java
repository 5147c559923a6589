package dev.wharf.validate.policy.pss;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** Each control, its level and the versions it changes in, as Pod Security admission evaluates them. */
class PodSecurityStandardsTest {
  private static final String RESTRICTED_POD = """
      securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
      containers:
        - name: app
          securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}
      """;

  @SuppressWarnings("unchecked")
  private static Pod pod(String spec, String annotations) {
    Map<String, Object> s = new Yaml().load(spec);
    Map<String, Object> meta = annotations == null ? Map.of() : Map.of("annotations", new Yaml().load(annotations));
    return Pod.of(s, "spec", meta, "metadata");
  }

  private static Pod pod(String spec) {
    return pod(spec, null);
  }

  private static List<String> paths(Pod pod, Level level, int minor) {
    return PodSecurityStandards.check(pod, level, minor).stream().map(Violation::path).toList();
  }

  private static List<String> controls(Pod pod, Level level, int minor) {
    return PodSecurityStandards.check(pod, level, minor).stream().map(Violation::control).distinct().toList();
  }

  @Test
  void aRestrictedPodPassesEveryLevel() {
    for (Level l : Level.values()) {
      assertThat(PodSecurityStandards.check(pod(RESTRICTED_POD), l, 34)).isEmpty();
    }
  }

  @Test
  void theDefaultPodMeetsBaselineButNotRestricted() {
    Pod plain = pod("containers: [{name: app}]");
    assertThat(PodSecurityStandards.check(plain, Level.BASELINE, 34)).isEmpty();
    assertThat(controls(plain, Level.RESTRICTED, 34))
        .containsExactlyInAnyOrder("Privilege Escalation", "Capabilities", "Seccomp", "Running as Non-root");
  }

  @Test
  void privilegedAllowsEverything() {
    Pod bad = pod("hostNetwork: true\ncontainers: [{name: a, securityContext: {privileged: true}}]");
    assertThat(PodSecurityStandards.check(bad, Level.PRIVILEGED, 34)).isEmpty();
  }

  @Test
  void baselineHostControlsCoverThePodAndEveryKindOfContainer() {
    Pod bad = pod("""
        hostIPC: true
        securityContext: {windowsOptions: {hostProcess: true}}
        initContainers: [{name: init, ports: [{containerPort: 80, hostPort: 80}]}]
        containers: [{name: app, securityContext: {windowsOptions: {hostProcess: true}}}]
        ephemeralContainers: [{name: debug, securityContext: {privileged: true}}]
        """);
    assertThat(paths(bad, Level.BASELINE, 34)).containsExactlyInAnyOrder(
        "spec.securityContext.windowsOptions.hostProcess", "spec.containers[0].securityContext.windowsOptions.hostProcess",
        "spec.hostIPC", "spec.initContainers[0].ports[0].hostPort", "spec.ephemeralContainers[0].securityContext.privileged");
  }

  @Test
  void probeAndLifecycleHostsAreForbiddenFromV134() {
    Pod bad = pod("""
        containers:
          - name: app
            livenessProbe: {tcpSocket: {host: db, port: 5432}}
            lifecycle: {preStop: {httpGet: {host: example.com, port: 80}}}
        """);
    assertThat(paths(bad, Level.BASELINE, 34)).containsExactly("spec.containers[0].livenessProbe.tcpSocket.host",
        "spec.containers[0].lifecycle.preStop.httpGet.host");
    assertThat(paths(bad, Level.BASELINE, 33)).isEmpty();
  }

  @Test
  void capabilitiesBaselineAllowsTheDefaultSetRestrictedOnlyNetBindService() {
    Pod p = pod("containers: [{name: a, securityContext: {capabilities: {add: [CHOWN, SYS_ADMIN], drop: [ALL]}}}]");
    assertThat(paths(p, Level.BASELINE, 34)).containsExactly("spec.containers[0].securityContext.capabilities.add[1]");
    Pod r = pod("securityContext: {runAsNonRoot: true, seccompProfile: {type: Localhost}}\n"
        + "containers: [{name: a, securityContext: {allowPrivilegeEscalation: false, capabilities: {add: [NET_BIND_SERVICE, CHOWN]}}}]");
    assertThat(paths(r, Level.RESTRICTED, 34)).containsExactlyInAnyOrder("spec.containers[0].securityContext.capabilities.add[1]",
        "spec.containers[0].securityContext.capabilities.drop");
    // Before v1.22 restricted had no capabilities control of its own: the baseline one applied.
    assertThat(paths(r, Level.RESTRICTED, 21)).isEmpty();
  }

  @Test
  void hostPathIsBaselineAndRestrictedAllowsOnlySafeVolumeTypes() {
    Pod p = pod("containers: [{name: a}]\nvolumes: [{name: h, hostPath: {path: /}}, {name: n, nfs: {server: s, path: /}}, "
        + "{name: c, configMap: {name: x}}, {name: i, image: {reference: x}}]");
    assertThat(paths(p, Level.BASELINE, 34)).containsExactly("spec.volumes[0].hostPath");
    assertThat(PodSecurityStandards.check(p, Level.RESTRICTED, 34).stream().filter(v -> v.control().equals("Volume Types")).map(Violation::path))
        .containsExactly("spec.volumes[0].hostPath", "spec.volumes[1].nfs");
  }

  @Test
  void appArmorAndSeLinuxAllowOnlyTheRuntimeDefaults() {
    Pod p = pod("""
        securityContext: {appArmorProfile: {type: Localhost}, seLinuxOptions: {type: container_engine_t}}
        containers: [{name: a, securityContext: {appArmorProfile: {type: Unconfined}, seLinuxOptions: {role: sysadm_r}}}]
        """, "{container.apparmor.security.beta.kubernetes.io/a: unconfined, container.apparmor.security.beta.kubernetes.io/b: runtime/default}");
    assertThat(paths(p, Level.BASELINE, 34)).containsExactlyInAnyOrder("spec.containers[0].securityContext.appArmorProfile.type",
        "spec.containers[0].securityContext.seLinuxOptions.role", "metadata.annotations[\"container.apparmor.security.beta.kubernetes.io/a\"]");
    // container_engine_t is allowed from v1.31
    assertThat(paths(p, Level.BASELINE, 30)).contains("spec.securityContext.seLinuxOptions.type");
  }

  @Test
  void procMountAndSysctlsFollowTheVersion() {
    Pod p = pod("securityContext: {sysctls: [{name: net.ipv4.tcp_keepalive_time, value: '60'}, {name: net.ipv4.tcp_wmem, value: '1 2 3'}]}\n"
        + "containers: [{name: a, securityContext: {procMount: Unmasked}}]");
    assertThat(paths(p, Level.BASELINE, 34)).containsExactly("spec.containers[0].securityContext.procMount");
    assertThat(paths(p, Level.BASELINE, 31)).contains("spec.securityContext.sysctls[1].name").doesNotContain("spec.securityContext.sysctls[0].name");
    assertThat(paths(p, Level.BASELINE, 28)).contains("spec.securityContext.sysctls[0].name");
  }

  @Test
  void seccompMayNotBeUnconfinedAndRestrictedRequiresIt() {
    Pod unconfined = pod("containers: [{name: a, securityContext: {seccompProfile: {type: Unconfined}}}]");
    assertThat(paths(unconfined, Level.BASELINE, 34)).containsExactly("spec.containers[0].securityContext.seccompProfile.type");
    Pod containerLevel = pod("securityContext: {runAsNonRoot: true}\ncontainers: [{name: a, securityContext: "
        + "{seccompProfile: {type: RuntimeDefault}, allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}}, {name: b, securityContext: "
        + "{allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}}]");
    assertThat(paths(containerLevel, Level.RESTRICTED, 34)).containsExactly("spec.containers[1].securityContext.seccompProfile.type");
    Pod oldAnnotation = pod("containers: [{name: a}]", "{seccomp.security.alpha.kubernetes.io/pod: unconfined}");
    assertThat(paths(oldAnnotation, Level.BASELINE, 18)).containsExactly("metadata.annotations[\"seccomp.security.alpha.kubernetes.io/pod\"]");
    assertThat(paths(oldAnnotation, Level.BASELINE, 34)).isEmpty();
  }

  @Test
  void runningAsNonRootAndNonZeroUser() {
    Pod p = pod("""
        securityContext: {seccompProfile: {type: RuntimeDefault}, runAsUser: 0}
        containers:
          - {name: a, securityContext: {runAsNonRoot: true, allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}}
          - {name: b, securityContext: {runAsNonRoot: false, runAsUser: 0, allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}}
        """);
    assertThat(paths(p, Level.RESTRICTED, 34)).containsExactlyInAnyOrder("spec.securityContext.runAsUser",
        "spec.containers[1].securityContext.runAsNonRoot", "spec.containers[1].securityContext.runAsUser");
    assertThat(paths(p, Level.RESTRICTED, 22)).containsExactly("spec.containers[1].securityContext.runAsNonRoot");
  }

  @Test
  void windowsPodsAreExemptFromTheLinuxOnlyRestrictedControlsFromV125() {
    Pod windows = pod("os: {name: windows}\nsecurityContext: {runAsNonRoot: true}\ncontainers: [{name: a}]");
    assertThat(PodSecurityStandards.check(windows, Level.RESTRICTED, 34)).isEmpty();
    assertThat(controls(windows, Level.RESTRICTED, 24)).containsExactlyInAnyOrder("Privilege Escalation", "Capabilities", "Seccomp");
  }

  @Test
  void everyViolationSaysHowToFixIt() {
    Pod bad = pod("hostPID: true\ncontainers: [{name: a, securityContext: {privileged: true, capabilities: {add: [SYS_TIME]}}}]");
    assertThat(PodSecurityStandards.check(bad, Level.RESTRICTED, 34)).allSatisfy(v -> {
      assertThat(v.fix()).isNotBlank();
      assertThat(v.message()).isNotBlank();
    });
  }
}
