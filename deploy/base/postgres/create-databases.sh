#!/usr/bin/env bash
# Runs once, on an empty data directory (the postgres image's /docker-entrypoint-initdb.d): one database per service,
# owned by a login role of the same name, so no service can read another's tables.
#   WHISTLE_DATABASES          space-separated database names (the services' DATABASE_URL databases)
#   DB_PASSWORD_<NAME>         the password of role <name>, upper-cased (DB_PASSWORD_ORG_REGISTRY …)
#   DB_PASSWORD_MONITOR        optional: the password of whistle_monitor, the read-only statistics role (pg_monitor)
#                              postgres_exporter signs in as; without it no such role is made
set -euo pipefail

for database in ${WHISTLE_DATABASES:?WHISTLE_DATABASES is required}; do
  variable="DB_PASSWORD_${database^^}"
  password="${!variable:?$variable is required}"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v role="$database" -v password="$password" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'role', :'password') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'role', :'role') \gexec
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', :'role') \gexec
SQL
  echo "database $database ready"
done

# The exporter reads statistics only (pg_monitor), never a service's tables.
if [[ -n "${DB_PASSWORD_MONITOR:-}" ]]; then
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres -v password="$DB_PASSWORD_MONITOR" <<'SQL'
SELECT format('CREATE ROLE whistle_monitor LOGIN PASSWORD %L IN ROLE pg_monitor', :'password') \gexec
SQL
  echo "monitoring role ready"
fi
