#!/usr/bin/env bash
# Runs a command beside a throwaway PostgreSQL server: a fresh cluster in a temporary folder,
# listening on loopback only, removed when the command ends. The command sees its address in
# KARYA_TEST_POSTGRES (a superuser URL: tests create one database each).
#
#   scripts/with-postgres.sh cargo test -p karya-server
#
# PostgreSQL comes from Debian (scripts/install-tools.sh test installs it). initdb refuses to
# run as root, so as root the cluster belongs to the `postgres` user the package creates.
set -euo pipefail

PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[ -x "$PG_BIN/initdb" ] || { echo "karya: PostgreSQL is not installed; run scripts/install-tools.sh test" >&2; exit 1; }

DIR="$(mktemp -d /tmp/karya-pg.XXXXXX)"
PORT="${KARYA_PG_PORT:-$(( 20000 + RANDOM % 20000 ))}"
as_owner() {
  if [ "$(id -u)" = 0 ]; then (cd "$DIR" && runuser -u postgres -- "$@"); else "$@"; fi
}
[ "$(id -u)" = 0 ] && chown postgres "$DIR"
stop() {
  as_owner "$PG_BIN/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
}
trap stop EXIT

as_owner "$PG_BIN/initdb" -D "$DIR/data" -U karya --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 \
  || { cat "$DIR/initdb.log" >&2; exit 1; }
# fsync off: the cluster is thrown away, so durability only costs test time. Benchmarks set
# KARYA_PG_DURABLE=1 to measure a server that writes as a real deployment does.
FAST="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
[ "${KARYA_PG_DURABLE:-0}" = 1 ] && FAST=""
as_owner "$PG_BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w \
  -o "-h 127.0.0.1 -p $PORT -k $DIR $FAST -c max_connections=200" start >/dev/null \
  || { cat "$DIR/server.log" >&2; exit 1; }

export KARYA_TEST_POSTGRES="postgres://karya@127.0.0.1:$PORT/postgres"
echo "karya: PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT for: ${1##*/} ${2:-}"
"$@"
