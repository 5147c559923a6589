variable "release_name" {
  description = "Helm release name; must be the HelmRelease's spec.releaseName so that Flux adopts this release."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9]([-a-z0-9]{0,51}[a-z0-9])?$", var.release_name))
    error_message = "release_name must be a Helm release name (lower-case letters, digits, '-', at most 53 characters), e.g. \"cilium\"."
  }
}

variable "namespace" {
  description = "Namespace of the release; must be the HelmRelease's spec.targetNamespace (and storageNamespace). Created here with the privileged Pod Security level the agent needs."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$", var.namespace))
    error_message = "namespace must be a DNS label such as \"cilium\"."
  }
}

variable "chart_repository" {
  description = "Helm repository URL of the chart (the HelmRepository's spec.url)."
  type        = string

  validation {
    condition     = can(regex("^https://", var.chart_repository))
    error_message = "chart_repository must be an https URL such as \"https://helm.cilium.io\"."
  }
}

variable "chart_version" {
  description = "Exact chart version (the HelmRelease's spec.chart.spec.version)."
  type        = string

  validation {
    condition     = can(regex("^[0-9]+\\.[0-9]+\\.[0-9]+$", var.chart_version))
    error_message = "chart_version must be an exact version such as \"1.20.0\"."
  }
}

variable "values" {
  description = "The chart values as YAML: the file the HelmRelease's valuesFrom ConfigMap is generated from, so both installs use the same values."
  type        = string

  validation {
    condition     = can(yamldecode(var.values).ipam)
    error_message = "values must be Cilium's values YAML (the file gitops/infrastructure/controllers/cilium/values.yaml), with at least an ipam section."
  }
}
