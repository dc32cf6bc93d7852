#!/usr/bin/env bash
# The app with its function names, for CPU profiles (bench/profile.mjs, `make profile`): built
# whole (no split) with the release profile, bound by wasm-bindgen keeping the name section and
# without wasm-opt, into target/profile-dist beside a copy of dist/ (which `make app` built).
# Timings of this build are for finding where time goes, not for the benchmarks' figures.
set -euo pipefail

out=target/profile-dist
[ -f dist/index.html ] || { echo "profile-build: dist/ is missing; run make app first" >&2; exit 1; }
CARGO_TARGET_DIR=target/profile cargo build --locked --release --target wasm32-unknown-unknown --bin karya-app

rm -rf "$out" && mkdir -p "$out"
cp -r dist/. "$out/"
rm -f "$out"/*.br "$out"/*.gz
shell_js=$(cd "$out" && ls karya-app-*.js)
stem="${shell_js%.js}"
wasm-bindgen --target web --keep-debug --no-demangle --no-typescript --out-dir "$out" \
  --out-name "$stem" target/profile/wasm32-unknown-unknown/release/karya-app.wasm
# index.html's integrity hashes name the release build's shell, not this one.
sed -i -E 's/ integrity="[^"]*"//g' "$out/index.html"
echo "profile-build: $out"
