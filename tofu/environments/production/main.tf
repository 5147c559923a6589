module "cluster" {
  source = "../../modules/talos-cluster"

  cluster_name       = var.cluster_name
  api_vip            = var.api_vip
  talos_version      = var.talos_version
  kubernetes_version = var.kubernetes_version
  nameservers        = var.nameservers
  oidc_issuer_url    = var.oidc_issuer_url
  extra_cert_sans    = var.extra_cert_sans
  nodes              = var.nodes
}

# Cilium before Flux: the nodes have no pod network until it runs. Release name,
# namespace, repository, chart version and values come from the HelmRelease that
# manages Cilium afterwards, so the two installs cannot drift apart.
locals {
  cilium_dir     = "${path.root}/../../../gitops/infrastructure/controllers/cilium"
  cilium_release = yamldecode(file("${local.cilium_dir}/release.yaml"))
}

module "cilium" {
  source = "../../modules/cilium"
  count  = var.kubernetes_api_ready ? 1 : 0

  release_name     = local.cilium_release.spec.releaseName
  namespace        = local.cilium_release.spec.targetNamespace
  chart_repository = yamldecode(file("${local.cilium_dir}/repository.yaml")).spec.url
  chart_version    = local.cilium_release.spec.chart.spec.version
  values           = file("${local.cilium_dir}/values.yaml")
}

module "flux" {
  source = "../../modules/flux-bootstrap"
  count  = var.kubernetes_api_ready ? 1 : 0

  environment       = var.environment
  github_repository = var.github_repository
  # Keep the multi-tenancy lock-down that the GitOps tree adds to flux-system.
  kustomization_override = file("${path.root}/../../../gitops/clusters/${var.environment}/flux-system/kustomization.yaml")

  # Flux's controllers need Cilium's pod network; its first reconciliation installs the
  # SAN CSI driver, which expects its Secret.
  depends_on = [module.cilium, kubernetes_secret_v1.san_driver_config]
}
