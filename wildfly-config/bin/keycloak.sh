#!/usr/bin/env bash
# keycloak.sh start|stop|status [--owner NAME]
#   start: starts Keycloak on $DOZOR_KEYCLOAK_PORT with the dozor realm from
#          wildfly-config/keycloak/dozor-realm.json, unless one already answers there.
#          When the realm file changed since the last import, the realm is imported afresh.
#   stop:  stops the Keycloak this script started (only if started by the same --owner).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

cmd=${1:-status}
owner=dev
if [ "${2:-}" = --owner ]; then owner=${3:?--owner needs a name}; fi
owner_file="$DOZOR_RUN_DIR/keycloak.owner"
pid_file="$DOZOR_RUN_DIR/keycloak.pid"
log="$DOZOR_RUN_DIR/keycloak.log"
realm_url="http://localhost:$DOZOR_KEYCLOAK_PORT/realms/dozor/.well-known/openid-configuration"

running() { curl -fsS -o /dev/null --max-time 2 "$realm_url" 2>/dev/null; }

case "$cmd" in
  start)
    if running; then
      say "Keycloak already answers on port $DOZOR_KEYCLOAK_PORT; using it"
      exit 0
    fi
    [ -x "$KEYCLOAK_DIR/bin/kc.sh" ] || die "Keycloak is not unpacked; build first: ./mvnw package"
    # A realm edited in the repo replaces the one Keycloak imported before (import skips
    # a realm that exists).
    sum=$(sha256sum "$REALM_FILE" | cut -d' ' -f1)
    if [ "$(cat "$KEYCLOAK_DIR/data/realm.sha256" 2>/dev/null)" != "$sum" ]; then
      rm -rf "$KEYCLOAK_DIR/data/h2"
      mkdir -p "$KEYCLOAK_DIR/data/import"
      cp "$REALM_FILE" "$KEYCLOAK_DIR/data/import/"
      echo "$sum" > "$KEYCLOAK_DIR/data/realm.sha256"
    fi
    say "starting Keycloak on port $DOZOR_KEYCLOAK_PORT (log: $log)"
    KC_BOOTSTRAP_ADMIN_USERNAME="$DOZOR_KEYCLOAK_ADMIN" \
      KC_BOOTSTRAP_ADMIN_PASSWORD="$DOZOR_KEYCLOAK_ADMIN_PASSWORD" \
      setsid nohup "$KEYCLOAK_DIR/bin/kc.sh" start-dev --http-port "$DOZOR_KEYCLOAK_PORT" --import-realm \
      >"$log" 2>&1 </dev/null &
    # setsid makes Keycloak lead its own process group: kc.sh and its java stop together.
    echo "$!" > "$pid_file"
    echo "$owner" > "$owner_file"
    if ! wait_for_http "$realm_url" 180; then
      tail -n 40 "$log" >&2
      die "Keycloak did not start within 180 s"
    fi
    say "Keycloak ready: http://localhost:$DOZOR_KEYCLOAK_PORT/ (admin console user: $DOZOR_KEYCLOAK_ADMIN)"
    ;;
  stop)
    if [ ! -f "$owner_file" ]; then
      say "Keycloak was not started by these scripts; leaving it alone"
      exit 0
    fi
    if [ "$(cat "$owner_file")" != "$owner" ]; then
      say "Keycloak belongs to '$(cat "$owner_file")', not '$owner'; leaving it running"
      exit 0
    fi
    pgid=$(cat "$pid_file" 2>/dev/null || true)
    if [ -n "$pgid" ] && kill -0 "$pgid" 2>/dev/null; then
      kill -- "-$pgid" 2>/dev/null || true
      for ((i = 0; i < 30; i++)); do
        pgrep -g "$pgid" >/dev/null 2>&1 || break
        sleep 1
      done
      pkill -9 -g "$pgid" 2>/dev/null || true
      say "Keycloak stopped"
    fi
    rm -f "$owner_file" "$pid_file"
    ;;
  status)
    if running; then say "Keycloak answers on port $DOZOR_KEYCLOAK_PORT"; else say "Keycloak is not running"; exit 1; fi
    ;;
  *) die "usage: keycloak.sh start|stop|status [--owner NAME]" ;;
esac
