# Configures Harbor through its API (see configure.yaml); settings in configure.env.
set -eu
api=http://harbor.harbor.svc/api/v2.0
umask 077
# Credentials go to curl through a netrc file, never the command line.
printf 'machine harbor.harbor.svc login admin password %s\n' "$HARBOR_ADMIN_PASSWORD" > /tmp/netrc

json_escape() { printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g'; }

# call METHOD PATH [BODY] -> prints the HTTP status; the body is in /tmp/out
call() {
  if [ $# -ge 3 ]; then
    printf '%s' "$3" > /tmp/body
    curl -sS --netrc-file /tmp/netrc -o /tmp/out -w '%{http_code}' -X "$1" \
      -H 'Content-Type: application/json' --data @/tmp/body "$api$2"
  else
    curl -sS --netrc-file /tmp/netrc -o /tmp/out -w '%{http_code}' -X "$1" "$api$2"
  fi
}
expect() { # expect STATUS ALLOWED... (fails with Harbor's message otherwise)
  status=$1; shift
  for ok in "$@"; do [ "$status" = "$ok" ] && return 0; done
  echo "Harbor answered $status: $(cat /tmp/out)" >&2
  exit 1
}

until [ "$(call GET /health)" = 200 ]; do echo "waiting for Harbor"; sleep 10; done

echo "OIDC through Keycloak"
expect "$(call PUT /configurations "{
  \"auth_mode\": \"oidc_auth\",
  \"oidc_name\": \"Keycloak\",
  \"oidc_endpoint\": \"$(json_escape "$KEYCLOAK_ISSUER")\",
  \"oidc_client_id\": \"harbor\",
  \"oidc_client_secret\": \"$(json_escape "$OIDC_CLIENT_SECRET")\",
  \"oidc_scope\": \"openid,profile,email,offline_access\",
  \"oidc_user_claim\": \"preferred_username\",
  \"oidc_groups_claim\": \"groups\",
  \"oidc_admin_group\": \"platform-admins\",
  \"oidc_verify_cert\": true,
  \"oidc_auto_onboard\": true
}")" 200

for entry in $PROXY_REGISTRIES; do
  name=${entry%%|*}; rest=${entry#*|}; type=${rest%%|*}; url=${rest#*|}
  echo "proxy cache $name-proxy -> $url"
  expect "$(call POST /registries "{\"name\": \"$name\", \"type\": \"$type\", \"url\": \"$url\", \"insecure\": false}")" 201 409
  expect "$(call GET "/registries?q=name%3D$name")" 200
  id=$(grep -o '"id":[0-9]*' /tmp/out | head -n1 | cut -d: -f2)
  [ -n "$id" ] || { echo "registry $name not found after creating it" >&2; exit 1; }
  expect "$(call POST /projects "{\"project_name\": \"$name-proxy\", \"registry_id\": $id, \"metadata\": {\"public\": \"true\"}}")" 201 409
done

for team in $TEAMS; do
  echo "project $team"
  expect "$(call POST /projects "{\"project_name\": \"$team\", \"metadata\": {\"public\": \"false\", \"auto_scan\": \"true\"}}")" 201 409
  expect "$(call POST "/projects/$team/members" "{\"role_id\": 2, \"member_group\": {\"group_name\": \"$team\", \"group_type\": 3}}")" 201 409
done
echo "Harbor configured"