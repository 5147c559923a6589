# Machine configuration patches: plain data built from the inventory and the
# installer image URL, no other I/O.
# Talos 1.12+ takes network settings as separate documents (LinkConfig,
# HostnameConfig, ...) next to the v1alpha1 document; strategic merge patches
# match them by kind and name.

locals {
  cluster_endpoint = "https://${var.api_vip}:6443"

  control_plane_names = sort([for name, n in var.nodes : name if n.role == "controlplane"])
  control_plane_ips   = [for name in local.control_plane_names : var.nodes[name].ip]
  worker_ips          = [for name in sort(keys(var.nodes)) : var.nodes[name].ip if var.nodes[name].role == "worker"]

  # The first control-plane node by name runs the one-time etcd bootstrap.
  bootstrap_node_ip = var.nodes[local.control_plane_names[0]].ip

  installer_image = data.talos_image_factory_urls.this.urls.installer

  # Contract with Keycloak and the tenant RoleBindings (subjects like "oidc:team-a").
  oidc_api_server_args = {
    "oidc-issuer-url"      = var.oidc_issuer_url
    "oidc-client-id"       = var.oidc_client_id
    "oidc-username-claim"  = "preferred_username"
    "oidc-username-prefix" = "oidc:"
    "oidc-groups-claim"    = "groups"
    "oidc-groups-prefix"   = "oidc:"
  }

  # Every node: no built-in CNI (Talos would install flannel, which enforces no
  # NetworkPolicy) and no kube-proxy. Cilium replaces both; the cilium module installs
  # it once the API answers, before Flux, which needs a pod network to start. Without
  # kube-proxy, Cilium reaches the API server through KubePrism, Talos' API load balancer
  # on every node: on by default, stated here because Cilium's values name its port
  # (k8sServiceHost localhost, k8sServicePort 7445 in gitops/infrastructure/controllers/cilium).
  cluster_network_patch = {
    cluster = {
      network = {
        cni = { name = "none" }
      }
      proxy = { disabled = true }
    }
    machine = {
      features = {
        kubePrism = { enabled = true, port = 7445 }
      }
    }
  }

  control_plane_patch = {
    cluster = {
      apiServer = {
        certSANs  = distinct(concat([var.api_vip], var.extra_cert_sans))
        extraArgs = local.oidc_api_server_args
      }
      allowSchedulingOnControlPlanes = var.allow_scheduling_on_control_planes
    }
  }

  resolver_documents = length(var.nameservers) == 0 ? [] : [{
    apiVersion  = "v1alpha1"
    kind        = "ResolverConfig"
    nameservers = [for ns in var.nameservers : { address = ns }]
  }]

  # One LinkConfig per interface; fields the inventory leaves unset are left
  # out of the document (a conditional on differently shaped objects would not
  # type-check, so each optional field is a one-entry map that may be empty).
  link_documents = {
    for name, n in var.nodes : name => [
      for i in n.interfaces : merge(
        {
          apiVersion = "v1alpha1"
          kind       = "LinkConfig"
          name       = i.name
          up         = true
        },
        { for k, v in { addresses = [for a in i.addresses : { address = a }] } : k => v if length(v) > 0 },
        { for k, v in { routes = [{ gateway = i.gateway }] } : k => v if i.gateway != null },
        { for k, v in { mtu = i.mtu } : k => v if v != null },
      )
    ]
  }

  node_patches = {
    for name, n in var.nodes : name => concat(
      [
        yamlencode({
          machine = {
            install = {
              disk  = n.install_disk
              image = local.installer_image
              wipe  = false
            }
            # Pin kubelet to the inventory address on multi-homed machines.
            kubelet = {
              nodeIP = { validSubnets = ["${n.ip}/32"] }
            }
          }
        }),
        yamlencode({
          apiVersion = "v1alpha1"
          kind       = "HostnameConfig"
          auto       = "off"
          hostname   = name
        }),
      ],
      [for doc in local.link_documents[name] : yamlencode(doc)],
      [for i in n.interfaces : yamlencode({ apiVersion = "v1alpha1", kind = "DHCPv4Config", name = i.name }) if i.dhcp],
      [for doc in local.resolver_documents : yamlencode(doc)],
      n.role != "controlplane" ? [] : [
        yamlencode({
          cluster = {
            etcd = { advertisedSubnets = ["${n.ip}/32"] }
          }
        }),
        yamlencode({
          apiVersion = "v1alpha1"
          kind       = "Layer2VIPConfig"
          name       = var.api_vip
          link       = n.interfaces[0].name
        }),
      ],
    )
  }
}
