#!/usr/bin/env bash
# A throw-away PostgreSQL server on loopback for the service tests (issue 16), from Debian's
# packages. Source it: `. .ci/postgres.sh start` exports NETRALRULES_TEST_PG_URL;
# `.ci/postgres.sh stop` stops it and removes its data. As root the server runs as the `postgres`
# user (PostgreSQL refuses to run as root); otherwise as the current user.
set -euo pipefail
PG_PORT="${NETRALRULES_PG_PORT:-54329}"
PG_DIR="${NETRALRULES_PG_DIR:-/tmp/netralrules-ci-pg}"
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)"
if [ "$(id -u)" = 0 ]; then AS=(runuser -u postgres --); else AS=(); fi

pg_start() {
    if [ -z "$PG_BIN" ]; then echo "postgresql not installed" >&2; return 1; fi
    pg_stop
    mkdir -p "$PG_DIR"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$PG_DIR"
    "${AS[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -U netralrules --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    "${AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
        -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c max_connections=200 -c fsync=on" start >/dev/null
    export NETRALRULES_TEST_PG_URL="postgresql://netralrules@127.0.0.1:$PG_PORT/postgres"
    echo "postgresql on 127.0.0.1:$PG_PORT ($NETRALRULES_TEST_PG_URL)"
}

pg_stop() {
    if [ -n "$PG_BIN" ] && [ -d "$PG_DIR/data" ]; then
        "${AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null || true
    fi
    rm -rf "$PG_DIR"
}

case "${1:-}" in
    start) pg_start ;;
    stop) pg_stop ;;
    *) echo "usage: . .ci/postgres.sh start | .ci/postgres.sh stop" >&2 ;;
esac
