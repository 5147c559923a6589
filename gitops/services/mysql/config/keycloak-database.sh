# Creates Keycloak's database and user (see keycloak-database.yaml).
set -eu
# The password is passed through a defaults file, never on the command line.
umask 077
printf '[client]\nuser=root\npassword=%s\nhost=mysql.mysql.svc\nport=3306\n' "$ROOT_PASSWORD" > /tmp/my.cnf
# Quote the password as a SQL string literal: double any single quote and backslash.
pw=$(printf '%s' "$KEYCLOAK_PASSWORD" | sed -e 's/\\/\\\\/g' -e "s/'/''/g")
until mysql --defaults-extra-file=/tmp/my.cnf -e 'SELECT 1' >/dev/null 2>&1; do
  echo "waiting for MySQL"; sleep 10
done
mysql --defaults-extra-file=/tmp/my.cnf <<SQL
CREATE DATABASE IF NOT EXISTS \`keycloak\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'keycloak'@'%' IDENTIFIED BY '$pw';
ALTER USER 'keycloak'@'%' IDENTIFIED BY '$pw';
GRANT ALL PRIVILEGES ON \`keycloak\`.* TO 'keycloak'@'%';
SQL
echo "keycloak database ready"