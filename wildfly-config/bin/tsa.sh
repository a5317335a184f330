#!/usr/bin/env bash
# tsa.sh start|stop|status: the local RFC 3161 time-stamping authority (module
# timestamp-authority) on 127.0.0.1:$DOZOR_TSA_PORT, for a developer's machine. Not started when
# DOZOR_TSA_URL names another authority.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

cmd=${1:-status}
pidfile="$DOZOR_RUN_DIR/tsa.pid"
log="$DOZOR_RUN_DIR/tsa.log"
jar="$DOZOR_ROOT/timestamp-authority/target/dozor-local-tsa.jar"

running() { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

case "$cmd" in
  start)
    if [ -n "${DOZOR_TSA_URL:-}" ]; then
      say "time-stamping authority: $DOZOR_TSA_URL (configured; the local one is not started)"
      exit 0
    fi
    running && { say "local time-stamping authority already runs"; exit 0; }
    [ -f "$jar" ] || die "the local time-stamping authority is not built; build first: ./mvnw package"
    ensure_tsa_settings
    DOZOR_TSA_PASSWORD="$DOZOR_TSA_PASSWORD" setsid nohup java -Xmx64m -jar "$jar" \
      "$DOZOR_TSA_KEYSTORE" "$DOZOR_TSA_PORT" 127.0.0.1 >"$log" 2>&1 </dev/null &
    echo "$!" >"$pidfile"
    for ((i = 0; i < 30; i++)); do
      if grep -q "time-stamping authority at" "$log" 2>/dev/null; then
        say "local time-stamping authority at $DOZOR_TSA_URL (certificate $DOZOR_TSA_CERTIFICATE)"
        exit 0
      fi
      running || break
      sleep 1
    done
    cat "$log" >&2
    die "the local time-stamping authority did not start"
    ;;
  stop)
    if running; then
      stop_pids "$(cat "$pidfile")" "local time-stamping authority"
    fi
    rm -f "$pidfile"
    ;;
  status)
    if running; then say "local time-stamping authority runs (pid $(cat "$pidfile"))"; else say "local time-stamping authority is not running"; exit 1; fi
    ;;
  *) die "usage: tsa.sh start|stop|status" ;;
esac
