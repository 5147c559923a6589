# External Secrets Operator: read-only access to platform secrets.
path "wharf/data/platform/*" {
  capabilities = ["read"]
}
path "wharf/metadata/platform/*" {
  capabilities = ["read", "list"]
}
