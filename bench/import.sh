#!/usr/bin/env bash
# Import and backup speed: one million production records into SQLite and into PostgreSQL,
# then a backup of each database. Prints the figures the notes report.
#
#   make bench-import     (or: bench/import.sh)
#
# The base tables (500 facilities, 16 products, 40 countries) come from the synthetic dataset;
# production.csv is 500 facilities x 16 products x 125 months = 1,000,000 rows.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BIN="$ROOT/target/server"
WORK="$(mktemp -d /tmp/karya-bench-import.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"

"$BIN/karya-synthetic" synthetic.json >/dev/null
# A database holding the synthetic dataset: serve it once, then export its tables.
"$BIN/karya" serve --db seed.sqlite3 --dataset synthetic.json --addr 127.0.0.1:0 --dist "$WORK" >serve.log 2>&1 &
SERVER=$!
for _ in $(seq 120); do grep -q "running at" serve.log && break; sleep 0.5; done
kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
"$BIN/karya" export --db seed.sqlite3 base >/dev/null
rm base/production.csv

# unit of each product, then 1,000,000 rows (awk: no other tool needed).
awk -F, 'NR > 1 { print $1, $5 }' base/products.csv >units.txt
awk -F, 'NR > 1 { print $1 }' base/facilities.csv >facilities.txt
awk 'BEGIN { print "facility_id,product_id,month,quantity,unit,provisional,provenance,source_id,source_fact,source_quote" }
     FILENAME == "units.txt" { unit[$1] = $2; products[n++] = $1; next }
     { for (p = 0; p < 16; p++) for (m = 0; m < 125; m++) {
         y = 2016 + int(m / 12); mo = m % 12 + 1
         printf "%s,%s,%04d-%02d,%d,%s,no,illustrative,,,\n", $1, products[p], y, mo, (NR * 7 + p * 13 + m) % 900 + 10, unit[products[p]] } }' \
  units.txt facilities.txt >production.csv
echo "production.csv: $(($(wc -l <production.csv) - 1)) rows, $(du -h production.csv | cut -f1)"

run() { # engine db
  echo "== $1"
  "$BIN/karya" import --db "$2" base >/dev/null
  /usr/bin/time -f "   (wall %e s, max RSS %M KB)" "$BIN/karya" import --db "$2" production.csv 2>&1 | grep -E "imported|wall"
  /usr/bin/time -f "   (wall %e s)" "$BIN/karya" import --db "$2" production.csv 2>&1 | grep -E "unchanged|wall" | sed 's/^/   re-import: /' | tail -2
  /usr/bin/time -f "   (wall %e s)" "$BIN/karya" backup --db "$2" "$WORK/backup-$1" 2>&1 | grep -E "backed up|wall"
}
run sqlite "$WORK/bench.sqlite3"
KARYA_PG_DURABLE=1 "$ROOT/scripts/with-postgres.sh" bash -c "$(declare -f run); BIN='$BIN' WORK='$WORK'; cd '$WORK'; \
  psql() { \$(ls -d /usr/lib/postgresql/*/bin | tail -1)/psql \"\$@\"; }; \
  psql \"\$KARYA_TEST_POSTGRES\" -qc 'CREATE DATABASE bench'; run postgresql \"\${KARYA_TEST_POSTGRES%/postgres}/bench\""
