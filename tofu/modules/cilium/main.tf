# Cilium, installed once, before Flux: Talos runs with no CNI and no kube-proxy
# (talos-cluster), and Flux's own controllers need a pod network to start. From then
# on the HelmRelease in gitops/infrastructure/controllers/cilium owns the release:
# Flux adopts it (same name, namespace, chart and values) and does every upgrade, so
# OpenTofu ignores later differences instead of undoing them.

resource "kubernetes_namespace_v1" "cilium" {
  metadata {
    name = var.namespace
    labels = {
      # The agent needs host networking, NET_ADMIN/SYS_ADMIN and host paths.
      "pod-security.kubernetes.io/enforce" = "privileged"
    }
  }

  lifecycle {
    # Flux applies the same Namespace from git and adds its own labels.
    ignore_changes = [metadata[0].labels, metadata[0].annotations]
  }
}

resource "helm_release" "cilium" {
  name       = var.release_name
  namespace  = kubernetes_namespace_v1.cilium.metadata[0].name
  repository = var.chart_repository
  chart      = "cilium"
  version    = var.chart_version
  values     = [var.values]

  # Done only when the agent runs on every node and the nodes can turn Ready.
  wait    = true
  timeout = 900

  lifecycle {
    ignore_changes = all
  }
}
