#!/usr/bin/env bash
# Installs what Karya's build (and, with `test`, its tests) needs and this machine lacks.
# Idempotent and version-pinned: a tool already at the right version is left alone.
# Nothing here downloads a prebuilt binary: everything comes from a package registry
# (crates.io, npm, Debian), because that is all this kind of machine can reach.
#
#   scripts/install-tools.sh build   # wasm target, Trunk, wasm-bindgen-cli, wasm-split-cli, wasm-opt
#   scripts/install-tools.sh test    # the above, plus rustfmt, clippy, Chromium, ChromeDriver, PostgreSQL,
#                                    # Schemathesis and frictionless (PyPI, each in its own venv)
#   scripts/install-tools.sh bench   # the build tools, Chromium, brotli (sizes), wrk (load), PostgreSQL
set -euo pipefail

MODE="${1:-build}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
TRUNK_VERSION="0.21.14"
# Cuts the release wasm into one chunk per page (scripts/post-build.sh); 0.2.3+ works with
# wasm-bindgen 0.2.128 and later.
WASM_SPLIT_VERSION="0.2.4"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
fail() {
  printf '\033[31mkarya: could not install %s.\033[0m\n%s\n' "$1" "$2" >&2
  exit 1
}

# The CLI must equal the wasm-bindgen crate the app links, or the build breaks late.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq || fail "${missing[*]}" "apt-get update failed: check the package mirror settings."
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" \
    || fail "${missing[*]}" "Try by hand: apt-get install ${missing[*]}"
}

command -v cargo >/dev/null || fail "Rust" "Install Rust with rustup first (https://rustup.rs), then run make again."

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the Rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown || fail "the wasm32 target" "Try: rustup target add wasm32-unknown-unknown"
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "building Trunk $TRUNK_VERSION from crates.io (about 15 minutes, once)"
  cargo install --locked trunk --version "$TRUNK_VERSION" \
    || fail "Trunk $TRUNK_VERSION" "Try: cargo install --locked trunk --version $TRUNK_VERSION"
fi

WB_VERSION="$(wasm_bindgen_version)"
[ -n "$WB_VERSION" ] || fail "wasm-bindgen-cli" "Cargo.lock names no wasm-bindgen; run: cargo generate-lockfile"
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WB_VERSION" ]; then
  say "building wasm-bindgen-cli $WB_VERSION from crates.io (about 6 minutes, once)"
  # Not --locked: its lockfile pins a crate version the registry no longer serves.
  cargo install wasm-bindgen-cli --version "=$WB_VERSION" \
    || fail "wasm-bindgen-cli $WB_VERSION" "Try: cargo install wasm-bindgen-cli --version =$WB_VERSION"
fi

# The CLI has no --version: cargo's own list of what it installed says which one is here.
if ! grep -q "^\"wasm_split_cli_support $WASM_SPLIT_VERSION " "${CARGO_HOME:-$HOME/.cargo}/.crates.toml" 2>/dev/null \
  || ! command -v wasm-split-cli >/dev/null; then
  say "building wasm-split-cli $WASM_SPLIT_VERSION from crates.io (about 5 minutes, once)"
  cargo install --locked wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary \
    || fail "wasm-split-cli $WASM_SPLIT_VERSION" \
      "Try: cargo install --locked wasm_split_cli_support --version $WASM_SPLIT_VERSION --features build-binary"
fi

if ! command -v npm >/dev/null; then
  apt_install nodejs npm
fi
# wasm-opt from npm's binaryen (Debian's is too old and corrupts the module); playwright-core
# drives Debian's Chromium in the end-to-end tests. Both pinned by package-lock.json.
if ! (cd "$ROOT" && npm ls --depth=0 binaryen playwright-core world-atlas i18n-iso-countries datamaps axe-core react react-dom d3 lighthouse >/dev/null 2>&1); then
  say "installing node tools (binaryen, playwright-core) from package-lock.json"
  (cd "$ROOT" && npm ci --no-audit --no-fund) || fail "binaryen and playwright-core" "Try: npm ci in $ROOT"
fi
[ "$(wasm-opt --version 2>/dev/null)" = "wasm-opt version 132 (version_132)" ] \
  || fail "wasm-opt 132" "node_modules/.bin/wasm-opt is missing or of another version; run: npm ci"

if [ "$MODE" = test ]; then
  for component in rustfmt clippy; do
    if ! rustup component list --installed | grep -q "^$component"; then
      say "adding the Rust component $component"
      rustup component add "$component" || fail "$component" "Try: rustup component add $component"
    fi
  done
  # PostgreSQL: the storage and API tests run on it as well as on SQLite.
  apt_install chromium chromium-driver postgresql postgresql-client
  # Frictionless: validates the open-data package (datapackage.json) in the end-to-end tests.
  FRICTIONLESS_VERSION="5.21.0"
  VENV="$ROOT/.tools/venv"
  if [ "$("$VENV/bin/frictionless" --version 2>/dev/null)" != "$FRICTIONLESS_VERSION" ]; then
    say "installing frictionless $FRICTIONLESS_VERSION from PyPI into .tools/venv"
    { python3 -m venv "$VENV" && "$VENV/bin/pip" install -q "frictionless==$FRICTIONLESS_VERSION"; } \
      || fail "frictionless $FRICTIONLESS_VERSION" "Needs python3-venv; try: apt-get install python3-venv"
  fi
  # Schemathesis (PyPI), pinned, in a virtual environment under target/: the API contract test.
  SCHEMATHESIS_VERSION="4.32.5"
  VENV="$ROOT/target/schemathesis-venv"
  if [ "$("$VENV/bin/schemathesis" --version 2>/dev/null | awk '{print $NF}')" != "$SCHEMATHESIS_VERSION" ]; then
    say "installing Schemathesis $SCHEMATHESIS_VERSION from PyPI into target/schemathesis-venv"
    command -v python3 >/dev/null || apt_install python3
    python3 -m venv "$VENV" 2>/dev/null || { apt_install python3-venv; python3 -m venv "$VENV"; }
    "$VENV/bin/pip" install --quiet "schemathesis==$SCHEMATHESIS_VERSION" \
      || fail "Schemathesis $SCHEMATHESIS_VERSION" "Try: $VENV/bin/pip install schemathesis==$SCHEMATHESIS_VERSION"
  fi
fi
if [ "$MODE" = bench ]; then
  apt_install chromium chromium-driver brotli wrk postgresql postgresql-client
fi
say "tools ready ($MODE)"
