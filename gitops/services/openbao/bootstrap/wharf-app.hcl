# Every app: its ServiceAccount, logged in through role wharf-app of the Kubernetes auth
# method, reads its own platform credentials at wharf/apps/<its namespace>/<its name> and
# nothing else (no list, no metadata, no other path). The namespace and name come from the
# identity OpenBao gave the login (the alias's metadata), not from anything the app sends.
# bootstrap.sh puts the Kubernetes auth mount's accessor in place of @kubernetes_accessor@.
path "wharf/data/apps/{{identity.entity.aliases.@kubernetes_accessor@.metadata.service_account_namespace}}/{{identity.entity.aliases.@kubernetes_accessor@.metadata.service_account_name}}" {
  capabilities = ["read"]
}
