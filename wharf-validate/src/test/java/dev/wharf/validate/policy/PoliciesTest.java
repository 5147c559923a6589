package dev.wharf.validate.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.validate.ValidateException;
import org.junit.jupiter.api.Test;

class PoliciesTest {
  @Test
  void allTwelveContractIdsExist() {
    assertThat(Policies.all()).extracting(Policy::id).containsExactly("image-pinned", "image-registry", "resources", "probes",
        "no-secret-data", "pvc-storageclass", "tenant-default-deny", "helm-remediation", "flux-depends-on", "helm-values-unknown",
        "pod-security", "canary-refs");
  }

  @Test
  void selectionParsesAllNoneAndLists() {
    assertThat(Policies.select("all")).hasSize(12);
    assertThat(Policies.select("none")).isEmpty();
    assertThat(Policies.select(" probes, resources ,probes")).extracting(Policy::id).containsExactly("probes", "resources");
  }

  @Test
  void anUnknownIdIsAUsageErrorListingTheValidOnes() {
    assertThatThrownBy(() -> Policies.select("probes,latest-tag"))
        .isInstanceOf(ValidateException.class)
        .hasMessageContaining("latest-tag").hasMessageContaining("image-pinned");
  }

  @Test
  void imageTagsIgnoreRegistryPorts() {
    assertThat(ImagePinned.tagOf("harbor.example.com:443/team-a/web")).isNull();
    assertThat(ImagePinned.tagOf("harbor.example.com:443/team-a/web:1.2")).isEqualTo("1.2");
    assertThat(ImagePinned.tagOf("nginx")).isNull();
  }

  @Test
  void anEmptySelectionIsAUsageErrorNotNone() {
    assertThatThrownBy(() -> Policies.select("")).isInstanceOf(ValidateException.class).hasMessageContaining("none");
    assertThatThrownBy(() -> Policies.select(" , ")).isInstanceOf(ValidateException.class).hasMessageContaining("names no policy");
  }

  @Test
  void digestsOfAnyAlgorithmPinButAnEmptyDigestOrTagDoesNot() {
    assertThat(ImagePinned.hasDigest("harbor.example.com/team-a/web@sha256:abc")).isTrue();
    assertThat(ImagePinned.hasDigest("harbor.example.com/team-a/web:1.0@sha512:abc")).isTrue();
    assertThat(ImagePinned.hasDigest("harbor.example.com/team-a/web@")).isFalse();
    assertThat(ImagePinned.hasDigest("harbor.example.com/team-a/web@sha256:")).isFalse();
    assertThat(ImagePinned.hasDigest("harbor.example.com:443/team-a/web:1.0")).isFalse();
    assertThat(ImagePinned.tagOf("harbor.example.com/team-a/web:")).isEmpty();
  }
}
