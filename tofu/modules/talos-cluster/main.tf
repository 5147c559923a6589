# A Talos Linux cluster on bare metal: boot image schematic, cluster secrets,
# one machine configuration per role, applied per node from the inventory,
# then the one-time etcd bootstrap and the admin kubeconfig.

resource "talos_image_factory_schematic" "this" {
  schematic = yamlencode({
    customization = {
      systemExtensions = {
        officialExtensions = var.system_extensions
      }
    }
  })
}

data "talos_image_factory_urls" "this" {
  talos_version = var.talos_version
  schematic_id  = talos_image_factory_schematic.this.id
  platform      = "metal"
}

resource "talos_machine_secrets" "this" {
  talos_version = var.talos_version

  lifecycle {
    # Losing these means losing the cluster's CAs and etcd encryption keys.
    prevent_destroy = true
  }
}

data "talos_machine_configuration" "controlplane" {
  cluster_name       = var.cluster_name
  cluster_endpoint   = local.cluster_endpoint
  machine_type       = "controlplane"
  machine_secrets    = talos_machine_secrets.this.machine_secrets
  talos_version      = var.talos_version
  kubernetes_version = var.kubernetes_version
  docs               = false
  examples           = false
  config_patches     = [yamlencode(local.control_plane_patch), yamlencode(local.cluster_network_patch)]

  lifecycle {
    precondition {
      condition     = !contains([for n in values(var.nodes) : n.ip], var.api_vip)
      error_message = "api_vip must be a free address, not the ip of a node; pick an unused address in the control-plane subnet."
    }
  }
}

data "talos_machine_configuration" "worker" {
  cluster_name       = var.cluster_name
  cluster_endpoint   = local.cluster_endpoint
  machine_type       = "worker"
  machine_secrets    = talos_machine_secrets.this.machine_secrets
  talos_version      = var.talos_version
  kubernetes_version = var.kubernetes_version
  docs               = false
  examples           = false
  config_patches     = [yamlencode(local.cluster_network_patch)]
}

resource "talos_machine_configuration_apply" "node" {
  for_each = var.nodes

  client_configuration        = talos_machine_secrets.this.client_configuration
  machine_configuration_input = each.value.role == "controlplane" ? data.talos_machine_configuration.controlplane.machine_configuration : data.talos_machine_configuration.worker.machine_configuration
  node                        = each.value.ip
  config_patches              = local.node_patches[each.key]
}

resource "talos_machine_bootstrap" "this" {
  depends_on = [talos_machine_configuration_apply.node]

  client_configuration = talos_machine_secrets.this.client_configuration
  node                 = local.bootstrap_node_ip
}

resource "talos_cluster_kubeconfig" "this" {
  depends_on = [talos_machine_bootstrap.this]

  client_configuration = talos_machine_secrets.this.client_configuration
  node                 = local.bootstrap_node_ip
}

# Gates everything that talks to the Kubernetes API (see the kubernetes
# output): after the first bootstrap the API needs a few minutes to come up.
# Talos' own checks only: nodes report Ready to Kubernetes once a CNI runs, and
# the CNI (Cilium) is installed through this very API afterwards; the cilium
# module waits for its agents on every node.
data "talos_cluster_health" "this" {
  depends_on = [talos_machine_bootstrap.this, talos_machine_configuration_apply.node]

  client_configuration   = talos_machine_secrets.this.client_configuration
  control_plane_nodes    = local.control_plane_ips
  worker_nodes           = local.worker_ips
  endpoints              = local.control_plane_ips
  skip_kubernetes_checks = true

  timeouts = {
    read = "15m"
  }
}

data "talos_client_configuration" "this" {
  cluster_name         = var.cluster_name
  client_configuration = talos_machine_secrets.this.client_configuration
  endpoints            = local.control_plane_ips
  nodes                = [for n in values(var.nodes) : n.ip]
}
