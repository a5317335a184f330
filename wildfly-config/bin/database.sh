#!/usr/bin/env bash
# database.sh ensure [NAME]: makes sure PostgreSQL answers and that the dozor role and the
# database NAME (default $DOZOR_DB_NAME) exist. Safe to run again.
# database.sh recreate NAME: the same, starting from an empty database (for the tests, whose
# evidence directory starts empty too).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

cmd=${1:-ensure}
name=${2:-$DOZOR_DB_NAME}
case "$cmd" in
  ensure | recreate) ;;
  *) die "usage: database.sh ensure [NAME] | database.sh recreate NAME" ;;
esac
[[ "$name" =~ ^[a-z_][a-z0-9_]*$ ]] || die "not a plain database name: $name"
[[ "$DOZOR_DB_USER" =~ ^[a-z_][a-z0-9_]*$ ]] || die "not a plain role name: $DOZOR_DB_USER"

psql_admin() {
  psql -h "$DOZOR_DB_HOST" -p "$DOZOR_DB_PORT" -U "$DOZOR_DB_ADMIN_USER" -d postgres \
    -v ON_ERROR_STOP=1 -qtA "$@"
}

if ! psql_admin -c 'select 1' >/dev/null 2>&1; then
  die "PostgreSQL is not reachable at $DOZOR_DB_HOST:$DOZOR_DB_PORT as $DOZOR_DB_ADMIN_USER. Start it (on this machine kind: pg_ctlcluster --skip-systemctl-redirect \$(ls /etc/postgresql) main start) and try again."
fi

# The password travels as a psql variable, never pasted into SQL; it is set on every run so
# that a changed DOZOR_DB_PASSWORD takes effect.
if [ "$(psql_admin -c "select 1 from pg_roles where rolname = '$DOZOR_DB_USER'")" != 1 ]; then
  psql_admin -c "create role $DOZOR_DB_USER login" >/dev/null
  say "created PostgreSQL role $DOZOR_DB_USER"
fi
printf '%s\n' "alter role $DOZOR_DB_USER with login password :'pw';" \
  | psql_admin -v pw="$DOZOR_DB_PASSWORD" >/dev/null
if [ "$cmd" = recreate ]; then
  [ "$name" != "$DOZOR_DB_NAME" ] || die "refusing to recreate the portal's own database $name"
  psql_admin -c "drop database if exists $name with (force)" >/dev/null
fi
if [ "$(psql_admin -c "select 1 from pg_database where datname = '$name'")" != 1 ]; then
  # Byte-order collation: the same order as the machine's C.UTF-8 (code points), without strcoll
  # in every index comparison of URLs, hosts and references; character classes stay UTF-8.
  psql_admin -c "create database $name owner $DOZOR_DB_USER encoding 'UTF8' lc_collate 'C' lc_ctype 'C.UTF-8' template template0" >/dev/null
  say "created database $name"
fi
say "database $name ready at $DOZOR_DB_HOST:$DOZOR_DB_PORT"
