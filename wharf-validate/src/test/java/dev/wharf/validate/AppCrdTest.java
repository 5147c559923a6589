package dev.wharf.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** App objects are checked against the App CRD that Wharf generates (taken from gitops/). */
class AppCrdTest {
  @TempDir Path tree;

  private static Path generatedCrd() throws IOException {
    Path dir = TestSupport.gitops().resolve("services/wharf-operator");
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.getFileName().toString().startsWith("apps.platform.wharf.dev")).findFirst()
          .orElseThrow(() -> new AssertionError("the generated App CRD is missing under " + dir));
    }
  }

  @Test
  void appsAreValidatedFromTheGeneratedCrd() throws IOException {
    Files.copy(generatedCrd(), tree.resolve("crd.yaml"));
    Files.writeString(tree.resolve("apps.yaml"), """
        apiVersion: platform.wharf.dev/v1alpha1
        kind: App
        metadata: {name: greeter, namespace: team-a}
        spec:
          team: team-a
          mysql: {enabled: true, privileges: readWrite}
          redis: {enabled: true, keyPrefix: "greeter:"}
          oidc: {enabled: true, redirectUris: ["https://greeter.apps.wharf.example.com/*"]}
          registry: {enabled: true}
          dashboards: {enabled: true}
          deletionPolicy: Retain
        ---
        apiVersion: platform.wharf.dev/v1alpha1
        kind: App
        metadata: {name: broken, namespace: team-a}
        spec:
          team: Team_A
          mysql: {enabled: true, privileges: superuser}
          redis: {enabled: "yes"}
          cache: {enabled: true}
        ---
        apiVersion: platform.wharf.dev/v1alpha1
        kind: App
        metadata: {name: no-team, namespace: team-a}
        spec: {}
        """);

    Report report = new Validator(TestSupport.options()).validate(tree);

    assertThat(report.findings()).allMatch(f -> f.object() != null && !f.object().name().equals("greeter"),
        "the valid App has no findings");
    assertThat(report.findings()).extracting(f -> f.object().name() + " " + f.rule() + " " + f.path()).containsExactlyInAnyOrder(
        "broken schema-value spec.team",
        "broken schema-value spec.mysql.privileges",
        "broken schema-type spec.redis.enabled",
        "broken schema-unknown-field spec.cache",
        "no-team schema-required spec.team");
  }
}
