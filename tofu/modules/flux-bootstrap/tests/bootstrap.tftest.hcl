# Plans the module with mocked providers and checks where Flux is pointed.
# Run: tofu init && tofu test

mock_provider "flux" {}
mock_provider "github" {}
mock_provider "tls" {}

run "points_flux_at_the_environment_path" {
  command = plan

  variables {
    environment       = "production"
    github_repository = "wharf"
  }

  assert {
    condition     = flux_bootstrap_git.this.path == "gitops/clusters/production"
    error_message = "Flux must reconcile gitops/clusters/production."
  }

  assert {
    condition     = github_repository_deploy_key.flux.read_only == false && github_repository_deploy_key.flux.repository == "wharf"
    error_message = "The deploy key must be writable (bootstrap commits) and on the wharf repository."
  }

  assert {
    condition     = contains(flux_bootstrap_git.this.components_extra, "image-automation-controller")
    error_message = "Image automation must be installed: CI-built images roll out through git."
  }
}

run "rejects_an_override_without_the_flux_manifests" {
  command = plan

  variables {
    environment            = "production"
    github_repository      = "wharf"
    kustomization_override = "resources: [other.yaml]"
  }

  expect_failures = [var.kustomization_override]
}

run "rejects_a_repository_url" {
  command = plan

  variables {
    environment       = "production"
    github_repository = "https://github.com/wharf-platform/wharf"
  }

  expect_failures = [var.github_repository]
}
