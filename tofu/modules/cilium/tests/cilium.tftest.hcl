# Plans the module with mocked providers and checks that the bootstrap install is the
# release Flux adopts. Run: tofu init && tofu test

mock_provider "helm" {}
mock_provider "kubernetes" {}

variables {
  release_name     = "cilium"
  namespace        = "cilium"
  chart_repository = "https://helm.cilium.io"
  chart_version    = "1.20.0"
  values           = "ipam:\n  mode: kubernetes\nkubeProxyReplacement: true\n"
}

run "installs_the_release_flux_adopts" {
  command = plan

  assert {
    condition     = helm_release.cilium.name == "cilium" && helm_release.cilium.chart == "cilium" && helm_release.cilium.version == "1.20.0"
    error_message = "The release must be cilium, chart cilium at the pinned version."
  }

  assert {
    condition     = helm_release.cilium.values == ["ipam:\n  mode: kubernetes\nkubeProxyReplacement: true\n"]
    error_message = "The release must use exactly the values file the HelmRelease reads."
  }

  assert {
    condition     = helm_release.cilium.wait == true
    error_message = "The install must wait for the agents, so Flux starts on a working network."
  }

  assert {
    condition     = kubernetes_namespace_v1.cilium.metadata[0].labels["pod-security.kubernetes.io/enforce"] == "privileged"
    error_message = "The namespace must allow privileged pods: the agent runs on the host network with NET_ADMIN and SYS_ADMIN."
  }
}

run "rejects_a_version_range" {
  command = plan

  variables {
    chart_version = "~1.20"
  }

  expect_failures = [var.chart_version]
}

run "rejects_values_that_are_not_cilium_values" {
  command = plan

  variables {
    values = "replicas: 2\n"
  }

  expect_failures = [var.values]
}
