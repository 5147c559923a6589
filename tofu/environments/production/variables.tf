# Secrets: set only through the environment (TF_VAR_...), never in tfvars.

variable "state_passphrase" {
  description = "Passphrase for state and plan encryption (TF_VAR_state_passphrase, CI secret TOFU_STATE_PASSPHRASE). Losing it means losing the state."
  type        = string
  sensitive   = true

  validation {
    condition     = length(var.state_passphrase) >= 16
    error_message = "state_passphrase must be at least 16 characters (PBKDF2 key provider minimum); use a long random passphrase, e.g. `openssl rand -base64 32`."
  }
}

variable "github_token" {
  description = "GitHub token allowed to manage deploy keys of the repository (TF_VAR_github_token, CI secret FLUX_GITHUB_TOKEN)."
  type        = string
  sensitive   = true
  ephemeral   = true
}

variable "san_driver_config" {
  description = "democratic-csi driver configuration (YAML with the storage array's API credentials) for the Secret storage/democratic-csi-driver-config (TF_VAR_san_driver_config, CI secret SAN_DRIVER_CONFIG). Never stored in state or plan."
  type        = string
  sensitive   = true
  ephemeral   = true

  validation {
    condition     = can(yamldecode(var.san_driver_config).driver)
    error_message = "san_driver_config must be the democratic-csi driver configuration as YAML with at least a `driver:` key (e.g. driver: freenas-api-iscsi)."
  }
}

# Settings of this environment (terraform.tfvars).

variable "san_driver_config_revision" {
  description = "Bump this number to push a changed san_driver_config; write-only values are not compared with the cluster."
  type        = number
  default     = 1
}

variable "github_owner" {
  description = "GitHub organisation or user that owns the repository."
  type        = string
}

variable "github_repository" {
  description = "Repository holding gitops/ (Flux reconciles gitops/clusters/<environment>)."
  type        = string
}

variable "git_branch" {
  description = "Branch Flux reconciles."
  type        = string
  default     = "main"
}

variable "environment" {
  description = "Environment name; selects gitops/clusters/<environment>."
  type        = string
}

variable "kubernetes_api_ready" {
  description = "Manage what lives inside Kubernetes (Flux bootstrap, the SAN driver Secret). false only for the very first apply: the cluster does not exist yet, so the flux and kubernetes providers cannot be configured. Set true in the next change."
  type        = bool
  default     = true
}

variable "cluster_name" {
  description = "Cluster name (DNS label)."
  type        = string
}

variable "api_vip" {
  description = "Virtual IP of the Kubernetes API on the control-plane subnet."
  type        = string
}

variable "talos_version" {
  description = "Talos Linux version, e.g. \"v1.13.4\"."
  type        = string
}

variable "kubernetes_version" {
  description = "Kubernetes version, e.g. \"1.34.3\"."
  type        = string
}

variable "nameservers" {
  description = "DNS servers for the nodes."
  type        = list(string)
  default     = []
}

variable "oidc_issuer_url" {
  description = "Keycloak realm the API server trusts."
  type        = string
  default     = "https://keycloak.wharf.example.com/realms/wharf"
}

variable "extra_cert_sans" {
  description = "Extra names for the API server certificate."
  type        = list(string)
  default     = []
}

variable "nodes" {
  description = "Machine inventory; see the nodes variable of modules/talos-cluster for the meaning of each field."
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
}
