package dev.wharf.validate.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** Which values keys a chart knows, and where it takes anything (so nothing is reported there). */
class KnownValuesTest {
  @SuppressWarnings("unchecked")
  private static Map<String, Object> yaml(String s) {
    return (Map<String, Object>) new Yaml().load(s);
  }

  private static Chart chart(String values, String template, Map<String, Chart> subcharts, List<String> conditions) {
    return new Chart("app", "1.0.0", yaml(values), "", List.of(template), conditions, subcharts);
  }

  private static List<String> unknown(Chart c, String values) {
    return KnownValues.of(c).unknown(yaml(values)).stream().map(p -> String.join(".", p)).toList();
  }

  @Test
  void aKeyNeitherInTheDefaultsNorReadIsUnknown() {
    Chart c = chart("server: {replicas: 1, ha: {enabled: false}}", "replicas: {{ .Values.server.replicas }}\n"
        + "{{ if .Values.server.ha.enabled }}{{ .Values.server.extraArgs }}{{ end }}", Map.of(), List.of());
    assertThat(unknown(c, "server: {replicas: 2, replica: 3, ha: {enabeld: true}, extraArgs: [-v]}\nserverr: {}"))
        .containsExactly("server.replica", "server.ha.enabeld", "serverr");
  }

  @Test
  void freeFormMapsTakeAnything() {
    Chart c = chart("""
        podAnnotations: {}
        nodeSelector:
        config: {log: {level: info}}
        resources: {requests: {cpu: 10m}}
        image: {tag: ""}
        """, """
        {{- with .Values.config }}{{ toYaml . }}{{ end }}
        {{ toYaml .Values.resources }}
        """, Map.of(), List.of());
    assertThat(unknown(c, """
        podAnnotations: {a: b}
        nodeSelector: {kubernetes.io/os: linux}
        config: {log: {format: json}, tracing: {enabled: true}}
        resources: {limits: {memory: 1Gi}}
        image: {tag: {weird: map}}
        """)).isEmpty();
  }

  @Test
  void indexDigAndVariablesCount() {
    Chart c = chart("{}", """
        {{ index .Values "grafana.ini" "server" }}
        {{ dig "alerting" "rules" (list) .Values.ruler }}
        {{ get .Values.labels "team-name" }}
        {{- $v := .Values }}{{ $v.viaVariable.x }}
        {{ (index .Values.server .mode).config }}
        {{- $_ := set . "mode" "ha" }}
        """, Map.of(), List.of());
    assertThat(unknown(c, """
        grafana.ini: {server: {root_url: x}, other: 1}
        ruler: {alerting: {rules: {anything: 1}}, nope: 1}
        labels: {team-name: a}
        viaVariable: {x: 1, y: 2}
        server: {ha: {config: {}}, dev: {}}
        """)).containsExactly("grafana.ini.other", "ruler.nope", "viaVariable.y", "server.dev");
  }

  @Test
  void aHelperGivenPartOfTheValuesReadsItsFields() {
    Chart c = chart("server: {replicas: 1}", """
        {{- define "env" -}}{{ range $k, $v := .extraEnv }}{{ $k }}{{ end }}{{- end -}}
        {{ include "env" .Values.server }}
        """, Map.of(), List.of());
    assertThat(unknown(c, "server: {extraEnv: {A: b}, extraEnvs: {}}")).containsExactly("server.extraEnvs");
  }

  @Test
  void subchartsAnswerUnderTheirKeyAndShareGlobals() {
    Chart grafana = new Chart("grafana", "9.0.0", yaml("adminUser: admin\nglobal: {imageRegistry: null}\n\"grafana.ini\": {server: {}}"), "",
        List.of("{{ .Values.global.imageRegistry }} {{ toYaml (index .Values \"grafana.ini\") }} {{ .Values.sidecar.enabled }}"), List.of(),
        Map.of());
    Chart c = chart("grafana: {adminPassword: x}", "", Map.of("grafana", grafana), List.of("grafana.enabled"));
    assertThat(unknown(c, """
        grafana: {enabled: true, adminUser: a, adminPassword: b, sidecar: {enabled: true}, grafana.ini: {auth: {x: 1}}, adminUsr: c}
        global: {imageRegistry: harbor.example.com}
        """)).containsExactly("grafana.adminUsr");
  }

  @Test
  void suggestionsComeFromWhatTheChartKnowsAtThatLevel() {
    Chart c = chart("server: {replicas: 1}", "{{ .Values.server.extraArgs }}", Map.of(), List.of());
    assertThat(KnownValues.of(c).keysUnder(List.of("server"))).containsExactlyInAnyOrder("replicas", "extraArgs");
  }
}
