#!/usr/bin/env bash
# database.sh ensure [NAME]: makes sure PostgreSQL answers and that the dozor role and the
# database NAME (default $DOZOR_DB_NAME) exist. Safe to run again.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

cmd=${1:-ensure}
name=${2:-$DOZOR_DB_NAME}
[ "$cmd" = ensure ] || die "usage: database.sh ensure [NAME]"
[[ "$name" =~ ^[a-z_][a-z0-9_]*$ ]] || die "not a plain database name: $name"
[[ "$DOZOR_DB_USER" =~ ^[a-z_][a-z0-9_]*$ ]] || die "not a plain role name: $DOZOR_DB_USER"

psql_admin() {
  psql -h "$DOZOR_DB_HOST" -p "$DOZOR_DB_PORT" -U "$DOZOR_DB_ADMIN_USER" -d postgres \
    -v ON_ERROR_STOP=1 -qtA "$@"
}

if ! psql_admin -c 'select 1' >/dev/null 2>&1; then
  die "PostgreSQL is not reachable at $DOZOR_DB_HOST:$DOZOR_DB_PORT as $DOZOR_DB_ADMIN_USER. Start it (on this machine kind: pg_ctlcluster --skip-systemctl-redirect \$(ls /etc/postgresql) main start) and try again."
fi

if [ "$(psql_admin -c "select 1 from pg_roles where rolname = '$DOZOR_DB_USER'")" != 1 ]; then
  psql_admin -c "create role $DOZOR_DB_USER login password '$DOZOR_DB_PASSWORD'" >/dev/null
  say "created PostgreSQL role $DOZOR_DB_USER"
fi
if [ "$(psql_admin -c "select 1 from pg_database where datname = '$name'")" != 1 ]; then
  psql_admin -c "create database $name owner $DOZOR_DB_USER encoding 'UTF8' template template0" >/dev/null
  say "created database $name"
fi
say "database $name ready at $DOZOR_DB_HOST:$DOZOR_DB_PORT"
