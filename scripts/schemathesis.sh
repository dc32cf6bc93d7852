#!/usr/bin/env bash
# The API's contract, tested by an outside client: Schemathesis (pinned, in the virtual
# environment scripts/install-tools.sh makes) runs every operation of /api/v1/openapi.json,
# the editors' too with a token, against the real server on a fresh database, with all its
# checks. Any failure fails `make test`.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
ST="$ROOT/target/schemathesis-venv/bin/schemathesis"
KARYA="$ROOT/target/debug/karya"
[ -x "$ST" ] || { echo "karya: Schemathesis is missing; run scripts/install-tools.sh test" >&2; exit 1; }
[ -x "$KARYA" ] || (cd "$ROOT" && cargo build --locked -p karya-server)

DIR="$(mktemp -d)"
SERVER=""
cleanup() {
  [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null || true
  rm -rf "$DIR"
}
trap cleanup EXIT

TOKEN="$("$KARYA" token create schemathesis --db "$DIR/karya.sqlite3" 2>/dev/null)"
# The write limit is raised for the run: Schemathesis sends thousands of editors' requests.
"$KARYA" serve --addr 127.0.0.1:0 --db "$DIR/karya.sqlite3" --dist "$DIR/no-app" \
  --writes-per-minute 1000000 >"$DIR/out" 2>"$DIR/server.log" &
SERVER=$!
for _ in $(seq 100); do
  grep -q "running at" "$DIR/out" 2>/dev/null && break
  sleep 0.1
done
URL="$(sed -n 's/.*running at \(http[^ ]*\)\/.*/\1/p' "$DIR/out")"
[ -n "$URL" ] || { echo "karya: the server did not start" >&2; cat "$DIR/server.log" >&2; exit 1; }

"$ST" --config-file "$ROOT/tests/schemathesis/schemathesis.toml" run "$URL/api/v1/openapi.json" \
  --checks all --header "Authorization: Bearer $TOKEN" \
  --max-examples "${KARYA_SCHEMATHESIS_EXAMPLES:-30}" --generation-deterministic \
  --report junit --report-dir "$ROOT/target/schemathesis"
