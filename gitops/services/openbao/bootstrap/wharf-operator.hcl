# The Wharf operator: writes each app's secrets at wharf/apps/<namespace>/<app>,
# its policy wharf-app-<namespace>-<app> and its Kubernetes auth role
# <namespace>-<app>; reads the platform admin credentials it provisions with.
path "wharf/data/apps/*" {
  capabilities = ["create", "read", "update", "delete"]
}
path "wharf/metadata/apps/*" {
  capabilities = ["read", "list", "delete"]
}
path "wharf/data/platform/operator/*" {
  capabilities = ["read"]
}
path "sys/policies/acl/wharf-app-*" {
  capabilities = ["create", "read", "update", "delete"]
}
path "auth/kubernetes/role/*" {
  capabilities = ["create", "read", "update", "delete", "list"]
}
