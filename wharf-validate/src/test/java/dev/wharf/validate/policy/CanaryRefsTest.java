package dev.wharf.validate.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.validate.Finding;
import dev.wharf.validate.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** canary-refs on the cases the corpus does not cover; the corpus has the common ones (canary-*). */
class CanaryRefsTest {
  private static final String CANARY = """
      apiVersion: flagger.app/v1beta1
      kind: Canary
      metadata: {name: greeter, namespace: team-a}
      spec:
        provider: gatewayapi:v1
        targetRef: {apiVersion: apps/v1, kind: Deployment, name: greeter}
        autoscalerRef: {apiVersion: autoscaling/v2, kind: HorizontalPodAutoscaler, name: greeter}
        service:
          port: 80
          hosts: [greeter.apps.wharf.example.com]
          gatewayRefs: [{name: wharf, namespace: gateway, sectionName: apps}]
        analysis:
          metrics:
            - name: success-rate
              templateRef: {name: http-request-success-rate, namespace: flagger-system}
          alerts:
            - name: team
              providerRef: {name: team-chat}
      """;
  private static final String DEPLOYMENT = "{apiVersion: apps/v1, kind: Deployment, metadata: {name: greeter, namespace: team-a}}";
  private static final String HPA = "{apiVersion: autoscaling/v2, kind: HorizontalPodAutoscaler, metadata: {name: greeter, namespace: team-a}}";
  private static final String GATEWAY = "{apiVersion: gateway.networking.k8s.io/v1, kind: Gateway, metadata: {name: wharf, namespace: gateway},"
      + " spec: {listeners: [{name: apps}]}}";
  private static final String TEMPLATE = "{apiVersion: flagger.app/v1beta1, kind: MetricTemplate,"
      + " metadata: {name: http-request-success-rate, namespace: flagger-system}}";
  private static final String ALERTS = "{apiVersion: flagger.app/v1beta1, kind: AlertProvider, metadata: {name: team-chat, namespace: team-a}}";

  private static Resource in(String render, String yaml) {
    Map<String, Object> content = new Yaml().load(yaml);
    return Resource.of(content, render + ".yaml", render);
  }

  private static List<String> findings(Resource canary, Resource... others) {
    List<Resource> all = new ArrayList<>(List.of(others));
    all.add(canary);
    List<Finding> out = new ArrayList<>();
    new CanaryRefs().check(canary, new PolicyContext(all, PolicySettings.defaults()), out::add);
    return out.stream().map(f -> f.path() + ": " + f.message()).toList();
  }

  private static Resource[] platform() {
    return new Resource[] {in("gateway", GATEWAY), in("flagger", TEMPLATE)};
  }

  @Test
  void aCanaryWithEverythingItNamesIsClean() {
    Resource canary = in("app", CANARY);
    assertThat(findings(canary, in("app", DEPLOYMENT), in("app", HPA), in("app", ALERTS), in("gateway", GATEWAY), in("flagger", TEMPLATE)))
        .isEmpty();
  }

  @Test
  void theDeploymentAndAutoscalerMustBeInTheSameRenderNotJustTheTree() {
    Resource canary = in("app", CANARY);
    List<String> found = findings(canary, in("other-app", DEPLOYMENT), in("other-app", HPA), in("app", ALERTS), in("gateway", GATEWAY),
        in("flagger", TEMPLATE));
    assertThat(found).hasSize(2);
    assertThat(found.get(0)).startsWith("spec.targetRef.name: ").contains("'greeter'");
    assertThat(found.get(1)).startsWith("spec.autoscalerRef.name: ").contains("HorizontalPodAutoscaler 'greeter'");
  }

  @Test
  void aGatewayThatIsNotInTheTreeAndAMissingAlertProviderAreFound() {
    Resource canary = in("app", CANARY.replace("name: wharf, namespace: gateway", "name: shared, namespace: gateway"));
    assertThat(findings(canary, in("app", DEPLOYMENT), in("app", HPA), in("gateway", GATEWAY), in("flagger", TEMPLATE)))
        .containsExactly(
            "spec.service.gatewayRefs[0].name: Canary routes through Gateway 'gateway/shared', which is not in the tree, so the "
                + "HTTPRoute Flagger generates attaches to nothing",
            "spec.analysis.alerts[0].providerRef.name: Canary sends alerts through AlertProvider 'team-a/team-chat', which is not in "
                + "the tree, so nobody hears of them");
  }

  @Test
  void aGatewayApiCanaryWithoutHostnamesWouldTakeTheWholeListener() {
    Resource canary = in("app", CANARY.replace("hosts: [greeter.apps.wharf.example.com]", "hosts: []"));
    List<String> found = findings(canary, in("app", DEPLOYMENT), in("app", HPA), in("app", ALERTS), platform()[0], platform()[1]);
    assertThat(found).singleElement().asString().startsWith("spec.service.hosts: ").contains("every request of its listener");
  }

  @Test
  void routingIsCheckedOnlyForGatewayApiCanaries() {
    Resource canary = in("app", CANARY.replace("provider: gatewayapi:v1", "provider: kubernetes").replace("hosts: [greeter.apps.wharf.example.com]", "hosts: []")
        .replace("name: wharf, namespace: gateway", "name: shared, namespace: gateway"));
    assertThat(findings(canary, in("app", DEPLOYMENT), in("app", HPA), in("app", ALERTS), in("flagger", TEMPLATE))).isEmpty();
  }

  @Test
  void builtInMetricsNeedNoTemplateAndOtherKindsAreIgnored() {
    Resource canary = in("app", CANARY.replace("templateRef: {name: http-request-success-rate, namespace: flagger-system}",
        "thresholdRange: {min: 99}"));
    assertThat(findings(canary, in("app", DEPLOYMENT), in("app", HPA), in("app", ALERTS), in("gateway", GATEWAY))).isEmpty();
    Resource notFlagger = in("app", CANARY.replace("flagger.app/v1beta1", "example.com/v1"));
    assertThat(findings(notFlagger)).isEmpty();
  }

  @Test
  void aGeneratedServiceInAnotherNamespaceIsNoConflict() {
    Resource canary = in("app", CANARY);
    String service = "{apiVersion: v1, kind: Service, metadata: {name: greeter-primary, namespace: %s}}";
    assertThat(findings(canary, in("app", DEPLOYMENT), in("app", HPA), in("app", ALERTS), in("gateway", GATEWAY), in("flagger", TEMPLATE),
        in("app", service.formatted("team-b")))).isEmpty();
    assertThat(findings(canary, in("app", DEPLOYMENT), in("app", HPA), in("app", ALERTS), in("gateway", GATEWAY), in("flagger", TEMPLATE),
        in("app", service.formatted("team-a")))).singleElement().asString().startsWith("spec.service: ").contains("Service 'greeter-primary'");
  }
}
