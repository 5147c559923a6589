# The Wharf operator: writes each app's secrets at wharf/apps/<namespace>/<app>,
# its policy wharf-app-<namespace>-<app> and its Kubernetes auth role
# <namespace>-<app>. Its admin credentials reach it through ESO, not through this policy.
path "wharf/data/apps/*" {
  capabilities = ["create", "read", "update", "delete"]
}
path "wharf/metadata/apps/*" {
  capabilities = ["read", "list", "delete"]
}
path "sys/policies/acl/wharf-app-*" {
  capabilities = ["create", "read", "update", "delete"]
}
path "auth/kubernetes/role/*" {
  capabilities = ["create", "read", "update", "delete", "list"]
}
