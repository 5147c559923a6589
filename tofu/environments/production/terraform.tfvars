# Example inventory for the production site. Addresses are documentation
# ranges (RFC 5737): 192.0.2.0/24 is the node network, 198.51.100.0/24 the
# storage network to the SAN/NAS. Replace them with the real ones.
# No secrets here: those come from TF_VAR_* environment variables.

environment       = "production"
github_owner      = "wharf-platform"
github_repository = "wharf"
git_branch        = "main"

cluster_name       = "wharf-production"
api_vip            = "192.0.2.10"
talos_version      = "v1.13.4"
kubernetes_version = "1.34.3"
nameservers        = ["192.0.2.2", "192.0.2.3"]
oidc_issuer_url    = "https://keycloak.wharf.example.com/realms/wharf"
extra_cert_sans    = ["api.wharf.example.com"]

# false for the very first apply only (see docs/bare-metal.md).
kubernetes_api_ready = true

nodes = {
  cp-1 = {
    ip           = "192.0.2.11"
    role         = "controlplane"
    install_disk = "/dev/nvme0n1"
    interfaces = [
      { name = "eno1", addresses = ["192.0.2.11/24"], gateway = "192.0.2.1" },
    ]
  }
  cp-2 = {
    ip           = "192.0.2.12"
    role         = "controlplane"
    install_disk = "/dev/nvme0n1"
    interfaces = [
      { name = "eno1", addresses = ["192.0.2.12/24"], gateway = "192.0.2.1" },
    ]
  }
  cp-3 = {
    ip           = "192.0.2.13"
    role         = "controlplane"
    install_disk = "/dev/nvme0n1"
    interfaces = [
      { name = "eno1", addresses = ["192.0.2.13/24"], gateway = "192.0.2.1" },
    ]
  }
  worker-1 = {
    ip           = "192.0.2.21"
    role         = "worker"
    install_disk = "/dev/sda"
    interfaces = [
      { name = "eno1", addresses = ["192.0.2.21/24"], gateway = "192.0.2.1" },
      { name = "eno2", addresses = ["198.51.100.21/24"], mtu = 9000 },
    ]
  }
  worker-2 = {
    ip           = "192.0.2.22"
    role         = "worker"
    install_disk = "/dev/sda"
    interfaces = [
      { name = "eno1", addresses = ["192.0.2.22/24"], gateway = "192.0.2.1" },
      { name = "eno2", addresses = ["198.51.100.22/24"], mtu = 9000 },
    ]
  }
  worker-3 = {
    ip           = "192.0.2.23"
    role         = "worker"
    install_disk = "/dev/sda"
    interfaces = [
      { name = "eno1", addresses = ["192.0.2.23/24"], gateway = "192.0.2.1" },
      { name = "eno2", addresses = ["198.51.100.23/24"], mtu = 9000 },
    ]
  }
}
