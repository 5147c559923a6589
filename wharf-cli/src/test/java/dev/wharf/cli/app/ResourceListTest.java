package dev.wharf.cli.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.cli.UserError;
import org.junit.jupiter.api.Test;

/** Adding an app to a team's apps entry changes that one list and nothing else of the file. */
class ResourceListTest {
  private static final String ENTRY = "../shop/staging";

  private static String add(String text) {
    return ResourceList.add(text, ENTRY, "apps/team-a/staging/kustomization.yaml");
  }

  @Test
  void aBlockListGetsTheEntryAfterItsLastItemWithItsIndentation() {
    String text = """
        # Everything team-a runs in staging.
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        resources:
          - ../greeter/staging   # the example
          # more to come
        patches: []
        """;
    assertThat(add(text)).isEqualTo("""
        # Everything team-a runs in staging.
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        resources:
          - ../greeter/staging   # the example
          - ../shop/staging
          # more to come
        patches: []
        """);
    assertThat(add("resources:\n- a\n- \"b\"")).isEqualTo("resources:\n- a\n- \"b\"\n- ../shop/staging");
  }

  @Test
  void anEmptyListBecomesABlockListAndItsCommentsStay() {
    String text = """
        # Everything team-b runs in staging (nothing yet).
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        resources: []
        """;
    assertThat(add(text)).isEqualTo("""
        # Everything team-b runs in staging (nothing yet).
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        resources:
          - ../shop/staging
        """);
    assertThat(add("kind: Kustomization\nresources:\n")).isEqualTo("kind: Kustomization\nresources:\n  - ../shop/staging\n");
    assertThat(add("kind: Kustomization\n")).isEqualTo("kind: Kustomization\nresources:\n  - ../shop/staging\n");
  }

  @Test
  void aFlowListKeepsItsStyle() {
    assertThat(add("resources: [../a/staging, '../b/staging']  # two\nkind: Kustomization\n"))
        .isEqualTo("resources: [../a/staging, '../b/staging', ../shop/staging]  # two\nkind: Kustomization\n");
  }

  @Test
  void whatCannotBeEditedInPlaceIsRefusedWithWhatToDo() {
    assertThatThrownBy(() -> add("resources: ../a\n")).isInstanceOf(UserError.class)
        .hasMessageContaining("its resources is not a list").hasMessageContaining("list it under resources: by hand");
    assertThatThrownBy(() -> add("- a\n- b\n")).isInstanceOf(UserError.class).hasMessageContaining("not a YAML mapping");
    assertThatThrownBy(() -> add("resources: [a\n")).isInstanceOf(UserError.class).hasMessageContaining("is not valid YAML");
    // A block scalar ends where the next key starts: the entry would land after that key.
    assertThatThrownBy(() -> add("resources:\n  - a\n  - |\n    b\nkind: Kustomization\n")).isInstanceOf(UserError.class)
        .hasMessageContaining("editing it in place would");
  }
}
