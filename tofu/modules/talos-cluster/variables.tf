variable "cluster_name" {
  description = "Name of the cluster, used by Talos and in the kubeconfig (a DNS label, e.g. \"wharf-production\")."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$", var.cluster_name))
    error_message = "cluster_name must be a DNS label: 1-63 lower-case letters, digits or '-', starting and ending with a letter or digit (e.g. \"wharf-production\")."
  }
}

variable "api_vip" {
  description = "Virtual IPv4 address for the Kubernetes API. Talos moves it between the control-plane nodes (layer 2), so it must be a free address in their subnet. The cluster endpoint is https://<api_vip>:6443."
  type        = string

  validation {
    # cidrnetmask only accepts a valid IPv4 prefix, so it doubles as an IPv4 check.
    condition     = can(cidrnetmask("${var.api_vip}/32"))
    error_message = "api_vip must be a plain IPv4 address such as \"192.0.2.10\" (no prefix length, no port)."
  }
}

variable "talos_version" {
  description = "Talos Linux version installed on the nodes and used as the machine configuration contract (e.g. \"v1.13.4\")."
  type        = string

  validation {
    condition     = can(regex("^v1\\.[0-9]+\\.[0-9]+$", var.talos_version))
    error_message = "talos_version must look like \"v1.13.4\" (leading v, three numbers)."
  }
}

variable "kubernetes_version" {
  description = "Kubernetes version of the control plane and kubelets (e.g. \"1.34.3\"). Talos supports the six minor versions up to its own default."
  type        = string

  validation {
    condition     = can(regex("^1\\.[0-9]+\\.[0-9]+$", var.kubernetes_version))
    error_message = "kubernetes_version must look like \"1.34.3\" (no leading v)."
  }
}

variable "system_extensions" {
  description = "Official Talos system extensions baked into the Image Factory schematic. iscsi-tools and util-linux-tools let the SAN CSI driver attach iSCSI volumes."
  type        = list(string)
  default     = ["siderolabs/iscsi-tools", "siderolabs/util-linux-tools"]

  validation {
    condition     = alltrue([for e in var.system_extensions : can(regex("^[a-z0-9-]+/[a-z0-9._-]+$", e))])
    error_message = "Each entry of system_extensions must be an extension name such as \"siderolabs/iscsi-tools\"."
  }
}

variable "nameservers" {
  description = "DNS servers for the nodes. Leave empty to use the ones handed out by DHCP."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for ns in var.nameservers : can(cidrnetmask("${ns}/32"))])
    error_message = "Each entry of nameservers must be an IPv4 address such as \"192.0.2.1\"."
  }
}

variable "oidc_issuer_url" {
  description = "Issuer the Kubernetes API server trusts for user tokens: the Keycloak realm URL."
  type        = string
  default     = "https://keycloak.wharf.example.com/realms/wharf"

  validation {
    condition     = can(regex("^https://[^/]+/realms/[^/]+$", var.oidc_issuer_url))
    error_message = "oidc_issuer_url must be an https Keycloak realm URL without a trailing slash, e.g. \"https://keycloak.wharf.example.com/realms/wharf\"."
  }
}

variable "oidc_client_id" {
  description = "OIDC client id the API server expects in the token audience."
  type        = string
  default     = "kubernetes"

  validation {
    condition     = can(regex("^[A-Za-z0-9._-]+$", var.oidc_client_id))
    error_message = "oidc_client_id must be a plain client id such as \"kubernetes\"."
  }
}

variable "extra_cert_sans" {
  description = "Extra names or addresses for the API server certificate (e.g. a DNS name that points at the VIP)."
  type        = list(string)
  default     = []
}

variable "allow_scheduling_on_control_planes" {
  description = "Let ordinary workloads run on control-plane nodes (only sensible for clusters without workers)."
  type        = bool
  default     = false
}

variable "nodes" {
  description = <<-EOT
    Inventory of machines, keyed by node name (the hostname, a DNS label). For each node:
    ip           - the address Talos and Kubernetes use for it (one of its interface addresses),
    role         - "controlplane" or "worker",
    install_disk - the disk Talos installs to, e.g. "/dev/sda" or "/dev/nvme0n1",
    interfaces   - network links: name (e.g. "eno1"), static addresses in CIDR form and an
                   optional default gateway, or dhcp = true; optional mtu.
                   The API VIP is placed on the first interface of each control-plane node.
  EOT
  type = map(object({
    ip           = string
    role         = string
    install_disk = string
    interfaces = list(object({
      name      = string
      dhcp      = optional(bool, false)
      addresses = optional(list(string), [])
      gateway   = optional(string)
      mtu       = optional(number)
    }))
  }))

  validation {
    condition     = alltrue([for name in keys(var.nodes) : can(regex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$", name))])
    error_message = "Every key of nodes is a hostname and must be a DNS label (lower-case letters, digits, '-'), e.g. \"cp-1\"."
  }

  validation {
    condition     = alltrue([for n in values(var.nodes) : contains(["controlplane", "worker"], n.role)])
    error_message = "Every node's role must be \"controlplane\" or \"worker\"."
  }

  validation {
    condition     = length([for n in values(var.nodes) : n if n.role == "controlplane"]) % 2 == 1
    error_message = "nodes must contain an odd number of control-plane nodes (1, 3 or 5) so etcd keeps quorum; add or remove one."
  }

  validation {
    condition     = alltrue([for n in values(var.nodes) : can(cidrnetmask("${n.ip}/32"))])
    error_message = "Every node's ip must be a plain IPv4 address such as \"192.0.2.11\"."
  }

  validation {
    condition     = length(distinct([for n in values(var.nodes) : n.ip])) == length(var.nodes)
    error_message = "Two nodes share the same ip; every node needs its own address."
  }

  validation {
    condition     = alltrue([for n in values(var.nodes) : can(regex("^/dev/[A-Za-z0-9/_.-]+$", n.install_disk))])
    error_message = "Every node's install_disk must be a device path such as \"/dev/sda\" or \"/dev/nvme0n1\"."
  }

  validation {
    condition     = alltrue([for n in values(var.nodes) : length(n.interfaces) > 0])
    error_message = "Every node needs at least one entry in interfaces."
  }

  validation {
    condition = alltrue(flatten([
      for n in values(var.nodes) : [
        for i in n.interfaces : i.dhcp || length(i.addresses) > 0
      ]
    ]))
    error_message = "Every interface needs static addresses (e.g. [\"192.0.2.11/24\"]) or dhcp = true."
  }

  validation {
    condition = alltrue(flatten([
      for n in values(var.nodes) : [
        for i in n.interfaces : [for a in i.addresses : can(cidrhost(a, 0)) && length(split("/", a)) == 2]
      ]
    ]))
    error_message = "Interface addresses must be in CIDR form with a prefix length, e.g. \"192.0.2.11/24\"."
  }

  validation {
    condition = alltrue([
      for n in values(var.nodes) : anytrue([for i in n.interfaces : i.dhcp]) || contains(flatten([
        for i in n.interfaces : [for a in i.addresses : split("/", a)[0]]
      ]), n.ip)
    ])
    error_message = "A node with only static interfaces must list its ip among its interface addresses (e.g. ip \"192.0.2.11\" with address \"192.0.2.11/24\")."
  }
}
