#!/usr/bin/env bash
# Shared settings of Dozor's scripts. Every value can be overridden by an environment
# variable of the same name (see README, "Configuration").

DOZOR_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WILDFLY_VERSION="39.0.1.Final"
KEYCLOAK_VERSION="26.7.3"

: "${DOZOR_RUN_DIR:=$DOZOR_ROOT/.run}"
: "${DOZOR_DATA_DIR:=$DOZOR_ROOT/.dozor-data}"
: "${DOZOR_DB_HOST:=localhost}"
: "${DOZOR_DB_PORT:=5432}"
: "${DOZOR_DB_NAME:=dozor}"
: "${DOZOR_DB_USER:=dozor}"
: "${DOZOR_DB_PASSWORD:=dozor}"
: "${DOZOR_DB_ADMIN_USER:=postgres}"
: "${DOZOR_KEYCLOAK_PORT:=8180}"
: "${DOZOR_KEYCLOAK_ADMIN:=admin}"
: "${DOZOR_KEYCLOAK_ADMIN_PASSWORD:=admin}"
: "${DOZOR_HTTP_PORT:=8080}"
: "${DOZOR_EVIDENCE_DIR:=$DOZOR_DATA_DIR/evidence}"

SERVER_DIR="$DOZOR_ROOT/wildfly-config/target/wildfly-$WILDFLY_VERSION"
KEYCLOAK_DIR="$DOZOR_ROOT/wildfly-config/target/keycloak-$KEYCLOAK_VERSION"
REALM_FILE="$DOZOR_ROOT/wildfly-config/keycloak/dozor-realm.json"

mkdir -p "$DOZOR_RUN_DIR"

say() { printf '\033[1m[dozor]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[dozor]\033[0m %s\n' "$*" >&2; exit 1; }

# wait_for_http URL SECONDS: until URL answers 2xx/3xx, or fail.
wait_for_http() {
  local url=$1 limit=$2 i
  for ((i = 0; i < limit; i++)); do
    if curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null; then
      return 0
    fi
    sleep 1
  done
  return 1
}

# stop_pids "PIDS" NAME: TERM, wait up to 30 s, then KILL.
stop_pids() {
  local pids=$1 name=$2 i
  [ -n "$pids" ] || return 0
  # shellcheck disable=SC2086
  kill $pids 2>/dev/null || true
  for ((i = 0; i < 30; i++)); do
    # shellcheck disable=SC2086
    kill -0 $pids 2>/dev/null || { say "$name stopped"; return 0; }
    sleep 1
  done
  # shellcheck disable=SC2086
  kill -9 $pids 2>/dev/null || true
  say "$name killed after 30 s"
}
