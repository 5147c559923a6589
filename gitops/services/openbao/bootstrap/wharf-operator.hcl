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
# The platform's own roles are never the operator's to change, even for an App whose
# role name <namespace>-<app> happens to match one (namespace external, app secrets).
path "auth/kubernetes/role/external-secrets" {
  capabilities = ["deny"]
}
path "auth/kubernetes/role/wharf-operator" {
  capabilities = ["deny"]
}
