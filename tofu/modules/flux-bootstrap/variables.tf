variable "environment" {
  description = "Environment name; Flux reconciles gitops/clusters/<environment> of the repository."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$", var.environment))
    error_message = "environment must be a DNS label such as \"production\" or \"staging\"."
  }
}

variable "github_repository" {
  description = "Name of the GitHub repository that holds the GitOps tree (without the owner)."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9._-]+$", var.github_repository))
    error_message = "github_repository must be a bare repository name such as \"wharf\" (no owner, no URL)."
  }
}

variable "interval" {
  description = "How often Flux reconciles the cluster path."
  type        = string
  default     = "1m0s"

  validation {
    condition     = can(regex("^([0-9]+h)?([0-9]+m)?([0-9]+s)?$", var.interval)) && var.interval != ""
    error_message = "interval must be a duration such as \"1m0s\", \"30s\" or \"1h\"."
  }
}

variable "components_extra" {
  description = "Flux controllers beyond the default four; image automation lets CI-built images roll out through git."
  type        = list(string)
  default     = ["image-reflector-controller", "image-automation-controller"]
}

variable "kustomization_override" {
  description = "Content for gitops/clusters/<environment>/flux-system/kustomization.yaml when the repository customises it (e.g. the multi-tenancy lock-down patches). Bootstrap then commits and keeps this file instead of its default one. null keeps the default."
  type        = string
  default     = null

  validation {
    condition     = var.kustomization_override == null || can(regex("gotk-components\\.yaml", var.kustomization_override)) && can(regex("gotk-sync\\.yaml", var.kustomization_override))
    error_message = "kustomization_override must list gotk-components.yaml and gotk-sync.yaml among its resources."
  }
}
