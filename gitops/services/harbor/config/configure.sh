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

echo "project $PLATFORM_PROJECT"
expect "$(call POST /projects "{\"project_name\": \"$PLATFORM_PROJECT\", \"metadata\": {\"public\": \"false\", \"auto_scan\": \"true\"}}")" 201 409

# pull_permissions PROJECT... -> the permissions of a robot that may pull from those projects
pull_permissions() {
  sep=""
  printf '['
  for project in "$@"; do
    printf '%s{"kind": "project", "namespace": "%s", "access": [{"resource": "repository", "action": "pull"}]}' "$sep" "$project"
    sep=", "
  done
  printf ']'
}

# robot NAME PROJECT...: system robot robot$NAME that may pull from the projects, with the
# secret the platform keeps in OpenBao (wharf/platform/harbor-robots, key NAME; mounted at
# /robots/NAME). Every run sets both, so a new team project or a rotated secret takes effect.
robot() {
  name=$1; shift
  secret=$(cat "/robots/$name" 2>/dev/null || true)
  # Harbor's own rule for a secret it is given.
  if [ "${#secret}" -lt 8 ] || [ "${#secret}" -gt 128 ] || ! printf '%s' "$secret" | grep -q '[a-z]' \
      || ! printf '%s' "$secret" | grep -q '[A-Z]' || ! printf '%s' "$secret" | grep -q '[0-9]'; then
    echo "wharf/platform/harbor-robots must hold key $name: a secret of 8 to 128 characters with" >&2
    echo "upper- and lower-case letters and digits (docs/gitops.md shows how to generate one)." >&2
    exit 1
  fi
  permissions=$(pull_permissions "$@")
  # Harbor stores a system robot under its bare name and shows it with its prefix (robot$).
  expect "$(call GET "/robots?q=name%3D$name")" 200
  id=$(grep -o '"id":[0-9]*' /tmp/out | head -n1 | cut -d: -f2)
  if [ -z "$id" ]; then
    echo "robot $name: create"
    expect "$(call POST /robots "{\"name\": \"$name\", \"description\": \"Managed by the harbor-configure Job\", \"level\": \"system\", \"duration\": -1, \"disable\": false, \"permissions\": $permissions}")" 201
    id=$(grep -o '"id":[0-9]*' /tmp/out | head -n1 | cut -d: -f2)
  else
    # An update names the robot as Harbor shows it.
    shown=$(grep -o '"name":"[^"]*"' /tmp/out | head -n1 | cut -d'"' -f4)
    echo "robot $shown: update"
    expect "$(call PUT "/robots/$id" "{\"name\": \"$(json_escape "$shown")\", \"description\": \"Managed by the harbor-configure Job\", \"level\": \"system\", \"duration\": -1, \"disable\": false, \"permissions\": $permissions}")" 200
  fi
  expect "$(call PATCH "/robots/$id" "{\"secret\": \"$(json_escape "$secret")\"}")" 200
}

# The wharf-operator Deployment pulls its image with this one (ExternalSecret platform-registry).
robot platform-pull "$PLATFORM_PROJECT"
# Flux image automation reads the tags in the team projects with this one (ExternalSecret harbor-scan).
# shellcheck disable=SC2086 # one project per team
robot image-scan $TEAMS
echo "Harbor configured"
