output "cluster_endpoint" {
  description = "Kubernetes API URL."
  value       = module.cluster.cluster_endpoint
}

output "kubeconfig" {
  description = "Break-glass admin kubeconfig: tofu output -raw kubeconfig > admin.kubeconfig"
  value       = module.cluster.kubeconfig
  sensitive   = true
}

output "talosconfig" {
  description = "talosctl configuration: tofu output -raw talosconfig > talosconfig"
  value       = module.cluster.talosconfig
  sensitive   = true
}

output "boot_media" {
  description = "Image Factory URLs (ISO, PXE) that boot the nodes into Talos maintenance mode."
  value       = module.cluster.boot_media
}

output "installer_image" {
  description = "Installer image for talosctl upgrade --image."
  value       = module.cluster.installer_image
}

output "flux_path" {
  description = "Repository path Flux reconciles."
  value       = one(module.flux[*].cluster_path)
}

output "cilium_chart_version" {
  description = "Cilium chart version installed at bootstrap (Flux manages upgrades)."
  value       = one(module.cilium[*].chart_version)
}
