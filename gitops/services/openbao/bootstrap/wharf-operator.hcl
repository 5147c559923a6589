# The Wharf operator: writes, reads and deletes each app's entry at
# wharf/apps/<namespace>/<app>, and nothing else. Who may read an entry is the platform's
# policy wharf-app (written once by bootstrap.sh), so whoever holds the operator's token
# cannot grant access to anything: no sys/policies, no auth/*/role. Its admin credentials
# reach it through ESO, not through this policy.
path "wharf/data/apps/+/+" {
  capabilities = ["create", "read", "update"]
}
path "wharf/metadata/apps/+/+" {
  capabilities = ["delete"]
}
