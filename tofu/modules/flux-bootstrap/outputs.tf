output "deploy_private_key_pem" {
  description = "Private half of the deploy key; the root module hands it to the flux provider's git settings."
  value       = tls_private_key.flux.private_key_pem
  sensitive   = true
}

output "cluster_path" {
  description = "Path in the repository that Flux reconciles."
  value       = local.cluster_path
}
