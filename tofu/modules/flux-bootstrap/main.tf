# Flux, installed from the manifests embedded in the pinned provider, committed
# to gitops/clusters/<environment> and syncing from there over SSH with a
# per-cluster deploy key. After this, changes reach the cluster through git.

locals {
  cluster_path = "gitops/clusters/${var.environment}"
}

resource "tls_private_key" "flux" {
  algorithm   = "ECDSA"
  ecdsa_curve = "P256"
}

resource "github_repository_deploy_key" "flux" {
  title      = "flux-${var.environment}"
  repository = var.github_repository
  key        = tls_private_key.flux.public_key_openssh
  # Bootstrap commits the Flux manifests, so the key needs write access.
  read_only = false
}

resource "flux_bootstrap_git" "this" {
  depends_on = [github_repository_deploy_key.flux]

  embedded_manifests     = true
  path                   = local.cluster_path
  interval               = var.interval
  network_policy         = true
  components_extra       = var.components_extra
  kustomization_override = var.kustomization_override
}
