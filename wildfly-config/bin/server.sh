#!/usr/bin/env bash
# server.sh start|stop|status: the configured WildFly (wildfly-config/target) with the built
# EAR deployed, on $DOZOR_HTTP_PORT.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

cmd=${1:-status}
pidfile="$DOZOR_RUN_DIR/wildfly.pid"
log="$DOZOR_RUN_DIR/wildfly.log"
deployments="$SERVER_DIR/standalone/deployments"
ear="$DOZOR_ROOT/ear/target/dozor.ear"

case "$cmd" in
  start)
    [ -x "$SERVER_DIR/bin/standalone.sh" ] || die "WildFly is not configured; build first: ./mvnw package"
    [ -f "$ear" ] || die "no application built ($ear); build first: ./mvnw package"
    if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
      die "WildFly is already running (pid $(cat "$pidfile")); stop it with ./dozor stop"
    fi
    if curl -s -o /dev/null --max-time 2 "http://localhost:$DOZOR_HTTP_PORT/"; then
      die "port $DOZOR_HTTP_PORT is taken by another program"
    fi
    mkdir -p "$DOZOR_EVIDENCE_DIR"
    ensure_registry_signing_key
    ensure_tsa_settings
    ensure_agency_signing_key
    rm -f "$deployments"/dozor.ear*
    cp "$ear" "$deployments/dozor.ear"
    say "starting WildFly on port $DOZOR_HTTP_PORT (log: $log)"
    export DOZOR_EVIDENCE_DIR DOZOR_HTTP_PORT
    export DOZOR_DB_URL="${DOZOR_DB_URL:-jdbc:postgresql://$DOZOR_DB_HOST:$DOZOR_DB_PORT/$DOZOR_DB_NAME?reWriteBatchedInserts=true}"
    export DOZOR_DB_USER DOZOR_DB_PASSWORD
    export DOZOR_OIDC_PROVIDER_URL="${DOZOR_OIDC_PROVIDER_URL:-http://localhost:$DOZOR_KEYCLOAK_PORT/realms/dozor}"
    # standalone.conf's defaults, plus access for PDFBox (evidence checks), which unmaps buffers
    # through JDK internals.
    export JAVA_OPTS="${JAVA_OPTS:--Xms64m -Xmx1g -Djava.net.preferIPv4Stack=true -Djboss.modules.system.pkgs=org.jboss.byteman -Djava.awt.headless=true --add-opens=java.base/java.nio=ALL-UNNAMED --add-exports=java.base/jdk.internal.ref=ALL-UNNAMED}"
    LAUNCH_JBOSS_IN_BACKGROUND=1 JBOSS_PIDFILE="$pidfile" \
      setsid nohup "$SERVER_DIR/bin/standalone.sh" -c dozor.xml >"$log" 2>&1 </dev/null &
    for ((i = 0; i < 180; i++)); do
      if [ -f "$deployments/dozor.ear.deployed" ]; then
        say "WildFly ready, application deployed"
        exit 0
      fi
      if [ -f "$deployments/dozor.ear.failed" ]; then
        grep -E "ERROR" "$log" | tail -n 20 >&2 || true
        die "the application failed to deploy; see $log"
      fi
      sleep 1
    done
    die "WildFly did not deploy the application within 180 s; see $log"
    ;;
  stop)
    if [ -f "$pidfile" ]; then
      stop_pids "$(cat "$pidfile")" WildFly
      rm -f "$pidfile"
    else
      say "WildFly is not running"
    fi
    ;;
  status)
    if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then say "WildFly runs (pid $(cat "$pidfile"))"; else say "WildFly is not running"; exit 1; fi
    ;;
  *) die "usage: server.sh start|stop|status" ;;
esac
