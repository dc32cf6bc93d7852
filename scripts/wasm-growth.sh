#!/usr/bin/env bash
# How much a change adds to the app's WebAssembly: builds the app at BASE (a git revision) and
# as the working tree is, runs both through the same wasm-opt -Oz, and prints raw and gzip
# sizes and their difference. For notes that say what a change cost every visitor.
#
#   scripts/wasm-growth.sh 996473f
set -euo pipefail
BASE="${1:?usage: scripts/wasm-growth.sh BASE-REVISION}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
WORK="$(mktemp -d /tmp/karya-wasm-growth.XXXXXX)"
cleanup() { git -C "$ROOT" worktree remove --force "$WORK/base" >/dev/null 2>&1 || true; rm -rf "$WORK"; }
trap cleanup EXIT

build() { # source-dir target-dir out
  (cd "$1" && CARGO_TARGET_DIR="$2" cargo build --quiet --release --target wasm32-unknown-unknown -p karya-app)
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --strip-debug --strip-producers \
    "$2/wasm32-unknown-unknown/release/karya-app.wasm" -o "$3"
}

git -C "$ROOT" worktree add --quiet --detach "$WORK/base" "$BASE"
build "$WORK/base" "$WORK/base-target" "$WORK/base.wasm"
build "$ROOT" "$ROOT/target" "$WORK/now.wasm"
sizes() { echo "$(stat -c %s "$1") $(gzip -9 -c "$1" | wc -c)"; }
read -r base_raw base_gz <<<"$(sizes "$WORK/base.wasm")"
read -r now_raw now_gz <<<"$(sizes "$WORK/now.wasm")"
printf '%-10s %12s %12s\n' "" "raw" "gzip -9"
printf '%-10s %12d %12d\n' "$BASE" "$base_raw" "$base_gz" "now" "$now_raw" "$now_gz"
printf '%-10s %+12d %+12d  (%+.1f %% raw)\n' "change" $((now_raw - base_raw)) $((now_gz - base_gz)) \
  "$(awk -v a="$base_raw" -v b="$now_raw" 'BEGIN { print (b - a) * 100 / a }')"
