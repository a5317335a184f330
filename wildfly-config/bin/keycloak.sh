#!/usr/bin/env bash
# keycloak.sh start|stop|status [--owner NAME]
#   start: starts Keycloak on $DOZOR_KEYCLOAK_PORT with the dozor realm from
#          wildfly-config/keycloak/dozor-realm.json, unless one already answers there.
#          When the realm file changed since the last import, the realm is imported afresh.
#   stop:  stops the Keycloak this script started (only if started by the same --owner).
# keycloak.sh test-client add|remove PORT [FILE]
#   add:    adds a client for a test server on http://localhost:PORT/dozor/, a copy of the
#           portal's client with its own exact redirect URIs and a new secret, and writes the
#           test build's settings (client id, secret, realm, admin access, the directory
#           client's secret) to FILE;
#   remove: removes it again. The portal's own client never lists a test port.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

cmd=${1:-status}
owner=dev
if [ "${2:-}" = --owner ]; then owner=${3:?--owner needs a name}; fi
base_url="http://localhost:$DOZOR_KEYCLOAK_PORT"
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
    # The realm's placeholders (client secrets, portal address) count as part of it.
    sum=$( (cat "$REALM_FILE"; echo "$DOZOR_OIDC_CLIENT_SECRET $DOZOR_DIRECTORY_CLIENT_SECRET $DOZOR_PUBLIC_URL $DOZOR_KEYCLOAK_ADMIN_PASSWORD $DOZOR_DETECTOR_CLIENT_SECRET $DOZOR_PROVIDER_CLIENT_SECRET") | sha256sum | cut -d' ' -f1)
    if [ "$(cat "$KEYCLOAK_DIR/data/realm.sha256" 2>/dev/null)" != "$sum" ]; then
      rm -rf "$KEYCLOAK_DIR/data/h2" "$KEYCLOAK_DIR/data/realm.sha256"
      mkdir -p "$KEYCLOAK_DIR/data/import"
      cp "$REALM_FILE" "$KEYCLOAK_DIR/data/import/"
    fi
    say "starting Keycloak on port $DOZOR_KEYCLOAK_PORT (log: $log)"
    # The import fills ${DOZOR_OIDC_CLIENT_SECRET}, ${DOZOR_DIRECTORY_CLIENT_SECRET} and
    # ${DOZOR_PUBLIC_URL} in from the environment.
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
    # Noted only once the realm was imported: a failed import is tried again next time.
    echo "$sum" > "$KEYCLOAK_DIR/data/realm.sha256"
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
  test-client)
    command -v jq >/dev/null || die "jq is needed to add the test client"
    action=${2:?test-client add|remove PORT [FILE]}
    port=${3:?test-client needs the port of the test server}
    client_id="dozor-portal-test-$port"
    if ! token=$(curl -fsS --max-time 10 "$base_url/realms/master/protocol/openid-connect/token" \
      -d grant_type=password -d client_id=admin-cli \
      --data-urlencode "username=$DOZOR_KEYCLOAK_ADMIN" \
      --data-urlencode "password=$DOZOR_KEYCLOAK_ADMIN_PASSWORD" | jq -er .access_token); then
      # Cleaning up after the tests never fails the build (Keycloak may have gone already).
      [ "$action" = remove ] && { say "Keycloak's admin API does not answer; $client_id left as is"; exit 0; }
      die "cannot sign in to the admin API of Keycloak on port $DOZOR_KEYCLOAK_PORT as $DOZOR_KEYCLOAK_ADMIN (password: DOZOR_KEYCLOAK_ADMIN_PASSWORD or $DOZOR_SECRETS_FILE)"
    fi
    admin() { curl -fsS --max-time 10 -H "Authorization: Bearer $token" "$@"; }
    clients="$base_url/admin/realms/dozor/clients"
    for id in $(admin "$clients?clientId=$client_id" | jq -r '.[].id'); do
      admin -X DELETE "$clients/$id"
    done
    # The demo monitoring and provider clients' tokens are meant for the portal's client: for the
    # test server they must name the test client too (the server checks the audience).
    for machine in dozor-monitoring-demo dozor-provider-demo; do
      mid=$(admin "$clients?clientId=$machine" | jq -r '.[0].id // empty')
      [ -n "$mid" ] || continue
      for id in $(admin "$clients/$mid/protocol-mappers/models" |
        jq -r --arg n "audience-$client_id" '.[] | select(.name == $n) | .id'); do
        admin -X DELETE "$clients/$mid/protocol-mappers/models/$id"
      done
    done
    case "$action" in
      add)
        file=${4:?test-client add needs a FILE}
        secret=$(random_secret)
        url="http://localhost:$port/dozor"
        admin "$clients?clientId=${DOZOR_OIDC_CLIENT_ID:-dozor-portal}" | jq --arg id "$client_id" --arg url "$url" --arg secret "$secret" '
          .[0] | del(.id) | .clientId = $id | .name = "Dozor Portal (test server)" | .secret = $secret
          | .redirectUris = [$url + "/"] | .attributes["post.logout.redirect.uris"] = $url + "/"
          | .protocolMappers |= map(del(.id)
              | if .protocolMapper == "oidc-audience-mapper" then .config["included.client.audience"] = $id else . end)' |
          admin -X POST -H 'Content-Type: application/json' --data-binary @- "$clients" ||
          die "could not add the test client $client_id"
        # The test server manages users through the realm's own directory client (its secret is
        # the generated one, like the dev server's): a Keycloak that still runs an older import of
        # the realm would fail every test of users, so say so now.
        for machine in dozor-monitoring-demo:"$DOZOR_DETECTOR_CLIENT_SECRET" dozor-provider-demo:"$DOZOR_PROVIDER_CLIENT_SECRET"; do
          name=${machine%%:*}
          mid=$(admin "$clients?clientId=$name" | jq -r '.[0].id // empty')
          [ -n "$mid" ] ||
            die "the realm on port $DOZOR_KEYCLOAK_PORT has no $name client; stop that Keycloak so that the build starts it with the current realm"
          jq -n --arg n "audience-$client_id" --arg id "$client_id" '{name: $n, protocol: "openid-connect",
              protocolMapper: "oidc-audience-mapper", config: {"included.client.audience": $id,
              "access.token.claim": "true", "id.token.claim": "false", "introspection.token.claim": "true"}}' |
            admin -X POST -H 'Content-Type: application/json' --data-binary @- \
              "$clients/$mid/protocol-mappers/models" ||
            die "could not add the test audience to $name"
          curl -fsS --max-time 10 -o /dev/null "$base_url/realms/dozor/protocol/openid-connect/token" \
            -d grant_type=client_credentials -d client_id="$name" \
            --data-urlencode "client_secret=${machine#*:}" ||
            die "the realm on port $DOZOR_KEYCLOAK_PORT has no $name client with the generated secret; stop that Keycloak so that the build starts it with the current realm"
        done
        curl -fsS --max-time 10 -o /dev/null "$base_url/realms/dozor/protocol/openid-connect/token" \
          -d grant_type=client_credentials -d client_id=dozor-directory \
          --data-urlencode "client_secret=$DOZOR_DIRECTORY_CLIENT_SECRET" ||
          die "the realm on port $DOZOR_KEYCLOAK_PORT has no dozor-directory client with the generated secret; stop that Keycloak so that the build starts it with the current realm"
        mkdir -p "$(dirname "$file")"
        (
          umask 077
          {
            echo "test.oidc.client.id=$client_id"
            echo "test.oidc.client.secret=$secret"
            echo "test.oidc.provider.url=$base_url/realms/dozor"
            echo "test.keycloak.url=$base_url"
            echo "test.keycloak.admin=$DOZOR_KEYCLOAK_ADMIN"
            echo "test.keycloak.admin.password=$DOZOR_KEYCLOAK_ADMIN_PASSWORD"
            echo "test.directory.client.secret=$DOZOR_DIRECTORY_CLIENT_SECRET"
            echo "test.detector.client.secret=$DOZOR_DETECTOR_CLIENT_SECRET"
            echo "test.provider.client.secret=$DOZOR_PROVIDER_CLIENT_SECRET"
          } >"$file"
        )
        say "test client $client_id added (redirects to $url/ only)"
        ;;
      remove) say "test client $client_id removed" ;;
      *) die "usage: keycloak.sh test-client add|remove PORT [FILE]" ;;
    esac
    ;;
  *) die "usage: keycloak.sh start|stop|status [--owner NAME] | test-client add|remove PORT [FILE]" ;;
esac
