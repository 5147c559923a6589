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

module "flux" {
  source = "../../modules/flux-bootstrap"
  count  = var.kubernetes_api_ready ? 1 : 0

  environment       = var.environment
  github_repository = var.github_repository
  # Keep the multi-tenancy lock-down that the GitOps tree adds to flux-system.
  kustomization_override = file("${path.root}/../../../gitops/clusters/${var.environment}/flux-system/kustomization.yaml")

  # Flux's first reconciliation installs the SAN CSI driver, which expects its Secret.
  depends_on = [kubernetes_secret_v1.san_driver_config]
}
