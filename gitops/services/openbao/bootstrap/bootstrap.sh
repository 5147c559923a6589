#!/bin/sh
# Configures an initialised, unsealed OpenBao for Wharf. Safe to run again.
# Run inside an OpenBao pod (docs/gitops.md):
#   kubectl -n openbao exec -it openbao-0 -- env BAO_TOKEN=<token> \
#     KEYCLOAK_URL=https://keycloak.wharf.example.com \
#     OPENBAO_URL=https://openbao.wharf.example.com sh /openbao/bootstrap/bootstrap.sh
set -eu

: "${BAO_TOKEN:?set BAO_TOKEN to the root token or a token with the wharf-admin policy}"
: "${KEYCLOAK_URL:?set KEYCLOAK_URL, e.g. https://keycloak.wharf.example.com}"
: "${OPENBAO_URL:?set OPENBAO_URL, e.g. https://openbao.wharf.example.com}"
export BAO_TOKEN
here=/openbao/bootstrap

mounted() { # mounted secrets|auth <path>
  bao "$1" list -format=json | grep -q "\"$2/\""
}

echo "KV v2 secrets engine at wharf/"
mounted secrets wharf || bao secrets enable -path=wharf -version=2 kv

echo "Kubernetes auth at kubernetes/"
mounted auth kubernetes || bao auth enable kubernetes
# In-cluster: OpenBao reviews tokens with its own service account
# (the chart binds it to system:auth-delegator).
bao write auth/kubernetes/config \
  kubernetes_host="https://${KUBERNETES_SERVICE_HOST}:${KUBERNETES_SERVICE_PORT}"

echo "Policies"
# Templated policies name the Kubernetes auth mount by its accessor.
accessor=$(bao read -field=accessor sys/auth/kubernetes)
for policy in wharf-external-secrets wharf-operator wharf-admin wharf-app; do
  sed "s/@kubernetes_accessor@/$accessor/g" "$here/$policy.hcl" | bao policy write "$policy" -
done

echo "Kubernetes auth roles"
bao write auth/kubernetes/role/external-secrets \
  bound_service_account_names=external-secrets \
  bound_service_account_namespaces=external-secrets \
  token_policies=wharf-external-secrets token_ttl=1h
bao write auth/kubernetes/role/wharf-operator \
  bound_service_account_names=wharf-operator \
  bound_service_account_namespaces=wharf-system \
  token_policies=wharf-operator token_ttl=1h
# One role for every app: any ServiceAccount of a tenant namespace (label wharf.dev/tenant,
# set by gitops/tenants; OpenBao reads namespaces for it, see ../rbac.yaml) logs in, and
# policy wharf-app lets it read its own entry only. ESO logs in again for each refresh.
bao write auth/kubernetes/role/wharf-app \
  bound_service_account_names='*' \
  bound_service_account_namespace_selector='{"matchLabels":{"wharf.dev/tenant":"true"}}' \
  token_policies=wharf-app token_ttl=10m

echo "Per-app policies and roles of earlier Wharf versions (apps now share wharf-app)"
for policy in $(bao policy list | grep '^wharf-app-' || true); do
  role=${policy#wharf-app-}
  if [ "$(bao read -field=token_policies "auth/kubernetes/role/$role" 2>/dev/null)" = "[$policy]" ]; then
    bao delete "auth/kubernetes/role/$role"
  fi
  bao policy delete "$policy"
done

echo "OIDC login for people through Keycloak (realm wharf, client openbao)"
mounted auth oidc || bao auth enable oidc
# The client secret was written to platform/keycloak-clients before Keycloak
# imported the realm; read it from there so it never leaves OpenBao.
if ! client_secret=$(bao kv get -mount=wharf -field=openbao platform/keycloak-clients 2>/dev/null); then
  echo "wharf/platform/keycloak-clients has no 'openbao' key yet: write the platform" >&2
  echo "secrets (docs/gitops.md), then run this script again." >&2
  exit 3
fi
# OpenBao fetches Keycloak's discovery document here. Keycloak starts only
# after the secrets above flow (layer services-configs), so on a new cluster
# this step waits for a second run.
# The secret goes in on stdin ('-'), never on a command line other processes can read.
if ! printf '%s' "$client_secret" | bao write auth/oidc/config \
  oidc_discovery_url="$KEYCLOAK_URL/realms/wharf" \
  oidc_client_id=openbao \
  oidc_client_secret=- \
  default_role=wharf; then
  echo "Keycloak realm wharf is not reachable yet: run this script again once" >&2
  echo "'kubectl -n keycloak get keycloakrealmimport wharf' reports Done." >&2
  exit 3
fi
# Client openbao carries its own groups mapper; Keycloak refuses a request for a
# scope the client does not have (invalid_scope), so ask only for built-in ones.
bao write auth/oidc/role/wharf \
  role_type=oidc \
  user_claim=preferred_username \
  groups_claim=groups \
  oidc_scopes="openid,profile,email" \
  allowed_redirect_uris="$OPENBAO_URL/ui/vault/auth/oidc/oidc/callback" \
  allowed_redirect_uris="http://localhost:8250/oidc/callback" \
  token_policies=default token_ttl=8h

# Keycloak group platform-admins -> policy wharf-admin.
accessor=$(bao read -field=accessor sys/auth/oidc)
bao write identity/group name=platform-admins type=external policies=wharf-admin >/dev/null
group_id=$(bao read -field=id identity/group/name/platform-admins)
bao write identity/group-alias name=platform-admins \
  mount_accessor="$accessor" canonical_id="$group_id" >/dev/null 2>&1 || \
  echo "group alias platform-admins already exists"

echo "OpenBao is configured for Wharf."
