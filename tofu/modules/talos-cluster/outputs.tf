output "cluster_endpoint" {
  description = "URL of the Kubernetes API (the control-plane VIP)."
  value       = local.cluster_endpoint
}

output "kubeconfig" {
  description = "Admin kubeconfig (client certificate). Break-glass only: people sign in through Keycloak with wharf login."
  value       = talos_cluster_kubeconfig.this.kubeconfig_raw
  sensitive   = true
}

output "talosconfig" {
  description = "talosctl client configuration for all nodes (endpoints are the control-plane nodes)."
  value       = data.talos_client_configuration.this.talos_config
  sensitive   = true
}

output "kubernetes" {
  description = "API address and client credentials, decoded to PEM, for configuring other providers."
  value = {
    host                   = talos_cluster_kubeconfig.this.kubernetes_client_configuration.host
    cluster_ca_certificate = base64decode(talos_cluster_kubeconfig.this.kubernetes_client_configuration.ca_certificate)
    client_certificate     = base64decode(talos_cluster_kubeconfig.this.kubernetes_client_configuration.client_certificate)
    client_key             = base64decode(talos_cluster_kubeconfig.this.kubernetes_client_configuration.client_key)
  }
  sensitive  = true
  depends_on = [data.talos_cluster_health.this]
}

output "schematic_id" {
  description = "Image Factory schematic id (content hash of the extension list); the same id appears in the boot media URLs."
  value       = talos_image_factory_schematic.this.id
}

output "installer_image" {
  description = "Installer image for this schematic and Talos version; use it with talosctl upgrade --image."
  value       = local.installer_image
}

output "boot_media" {
  description = "Image Factory URLs to boot bare-metal nodes into Talos maintenance mode."
  value = {
    iso       = data.talos_image_factory_urls.this.urls.iso
    pxe       = data.talos_image_factory_urls.this.urls.pxe
    kernel    = data.talos_image_factory_urls.this.urls.kernel
    initramfs = data.talos_image_factory_urls.this.urls.initramfs
  }
}
