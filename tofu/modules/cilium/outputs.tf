output "namespace" {
  description = "Namespace Cilium runs in."
  value       = helm_release.cilium.namespace
}

output "chart_version" {
  description = "Chart version OpenTofu installed (Flux upgrades it from there)."
  value       = helm_release.cilium.version
}
