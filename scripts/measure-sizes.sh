#!/usr/bin/env bash
# Prints the raw, gzip -9 and brotli sizes of each file in dist/, and their total: the whole
# build, not what one page loads (bench/first-load.mjs measures that). Packs are left out: each
# repeats its page's chunks (scripts/pack-chunks.mjs).
set -euo pipefail
DIST="${1:-dist}"
command -v brotli >/dev/null || { echo "brotli is missing: apt-get install brotli" >&2; exit 1; }
printf '%-44s %10s %10s %10s\n' file raw gzip brotli
total_raw=0 total_gz=0 total_br=0
for f in $(find "$DIST" -type f ! -name '*.br' ! -name '*.gz' ! -name '*.pack' | sort); do
  raw=$(stat -c %s "$f"); gz=$(gzip -9 -c "$f" | wc -c); br=$(brotli -q 11 -c "$f" | wc -c)
  total_raw=$((total_raw + raw)) total_gz=$((total_gz + gz)) total_br=$((total_br + br))
  printf '%-44s %10d %10d %10d\n' "${f#"$DIST"/}" "$raw" "$gz" "$br"
done
printf '%-44s %10d %10d %10d\n' TOTAL "$total_raw" "$total_gz" "$total_br"
