# The SAN CSI driver (gitops/infrastructure/controllers/democratic-csi.yaml)
# reads the storage array's API credentials from this Secret. It is written
# here rather than kept in OpenBao because OpenBao's own volume lives on that
# array. The value is write-only: it never enters state or plan files.

resource "kubernetes_namespace_v1" "storage" {
  count = var.kubernetes_api_ready ? 1 : 0

  metadata {
    name = "storage"
    labels = {
      # CSI node plugins mount host paths and run privileged.
      "pod-security.kubernetes.io/enforce" = "privileged"
    }
  }

  lifecycle {
    # Flux applies the same Namespace from git and adds its own labels.
    ignore_changes = [metadata[0].labels, metadata[0].annotations]
  }
}

resource "kubernetes_secret_v1" "san_driver_config" {
  count = var.kubernetes_api_ready ? 1 : 0

  metadata {
    name      = "democratic-csi-driver-config"
    namespace = kubernetes_namespace_v1.storage[0].metadata[0].name
  }

  data_wo = {
    "driver-config-file.yaml" = var.san_driver_config
  }
  data_wo_revision = var.san_driver_config_revision
}
