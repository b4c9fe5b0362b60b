# Shared steps of the two README commands (.ci/demo and .ci/test): install
# what is missing, then build. Sourced, not run. Every install comes from a
# package registry (crates.io, npm, Debian); nothing downloads a binary.

set -euo pipefail

WW_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$WW_ROOT/target}
export WIJKWIJS_SITE_ROOT=${WIJKWIJS_SITE_ROOT:-$CARGO_TARGET_DIR/site}
export PATH="$HOME/.cargo/bin:$PATH"

step() { printf '\n==> %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

apt_install() {
  step "installing $* from Debian's packages"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

# The wasm target and wasm-bindgen-cli at exactly the version in Cargo.lock
# (the CLI must match the library it post-processes).
ensure_rust_tools() {
  command -v cargo >/dev/null || { echo "cargo is missing: install Rust with rustup first" >&2; exit 1; }
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    step "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  local want
  want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$WW_ROOT/Cargo.lock")
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$want" ]; then
    step "installing wasm-bindgen-cli $want from crates.io (about 3 minutes on 2 cores)"
    # Not --locked: the registry here lacks one of its locked dependency versions.
    cargo install wasm-bindgen-cli --version "$want"
  fi
}

ensure_node() {
  command -v npm >/dev/null || apt_install nodejs npm
}

# Playwright and axe-core for the browser tests, as locked in e2e/.
ensure_e2e_packages() {
  ensure_node
  step "installing the browser-test packages (npm ci)"
  (cd "$WW_ROOT/e2e" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
}

# Debian's Chromium; Playwright never downloads a browser here.
ensure_chromium() {
  if [ ! -x /usr/bin/chromium ]; then
    apt_install chromium
  fi
  export WIJKWIJS_CHROMIUM=/usr/bin/chromium
}

# The browser tests compute the figures they check straight from the test
# database, with SQLite's command-line tool.
ensure_sqlite_cli() {
  if ! command -v sqlite3 >/dev/null; then
    apt_install sqlite3
  fi
}

# Python tools from PyPI (schemathesis, openapi-spec-validator), in a
# virtual environment this script makes; pinned in .ci/python.
ensure_python_tools() {
  local venv="$HOME/.cache/wijkwijs/venv"
  local wanted="$WW_ROOT/.ci/python/requirements.txt"
  if ! cmp -s "$wanted" "$venv/requirements.txt" 2>/dev/null; then
    step "installing the API test tools (PyPI, in $venv)"
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$wanted"
    cp "$wanted" "$venv/requirements.txt"
  fi
  export PATH="$venv/bin:$PATH"
}

ensure_postgres() {
  if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
    step "starting PostgreSQL"
    as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start
    for _ in $(seq 1 60); do
      pg_isready -q -h 127.0.0.1 -p 5432 && return 0
      sleep 0.5
    done
    echo "PostgreSQL did not come up on 127.0.0.1:5432" >&2
    exit 1
  fi
}

# The browser bundle: app compiled to wasm with `hydrate`, bound by
# wasm-bindgen without the function-name section (4.7 MB that only a
# debugger reads), plus the stylesheet; precompressed with brotli and gzip
# for the static server, which picks what the browser accepts. (binaryen's
# wasm-opt made the wasm smaller but its compressed form larger, so it is
# not used.)
# The site's themes: the NL Design System example theme's brand and basis
# tokens (locked in style/package.json) as `voorbeeld`, and each theme of
# style/themes/ under its own name (docs/theming.md).
build_themes() {
  local themes="$1/themes"
  ensure_node
  step "installing the example theme's tokens (npm ci in style/)"
  (cd "$WW_ROOT/style" && npm ci --no-audit --no-fund --loglevel=error)
  mkdir -p "$themes"
  local tokens="$WW_ROOT/style/node_modules/@nl-design-system-unstable/voorbeeld-design-tokens"
  {
    echo "/* NL Design System example theme (voorbeeld-design-tokens $(node -p "require('$tokens/package.json').version"), EUPL-1.2): its brand and basis tokens. */"
    echo ":root {"
    grep -E '^[[:space:]]+--(voorbeeld|basis)-' "$tokens/dist/theme.css"
    echo "}"
  } >"$themes/voorbeeld.css"
  cp "$WW_ROOT"/style/themes/*.css "$themes/"
}

build_site() {
  command -v brotli >/dev/null || apt_install brotli
  step "building the browser bundle"
  cargo build --locked -p app --lib --target wasm32-unknown-unknown --profile wasm-release --features hydrate
  local pkg="$WIJKWIJS_SITE_ROOT/pkg"
  mkdir -p "$pkg"
  wasm-bindgen --target web --no-typescript --remove-name-section --remove-producers-section \
    --out-dir "$pkg" --out-name wijkwijs \
    "$CARGO_TARGET_DIR/wasm32-unknown-unknown/wasm-release/app.wasm"
  cp "$WW_ROOT/style/main.css" "$pkg/wijkwijs.css"
  cp "$WW_ROOT/style/favicon.svg" "$pkg/favicon.svg"
  build_themes "$pkg"
  for file in "$pkg"/wijkwijs.js "$pkg"/wijkwijs_bg.wasm "$pkg"/wijkwijs.css "$pkg"/themes/*.css; do
    gzip -9 -k -f "$file"
    brotli -q 11 -k -f "$file"
  done
}

# The server binary; `profile` is dev (for tests) or release. It carries
# the browser bundle built by build_site (server/build.rs), so it serves
# the whole app from any working directory.
build_server() {
  local profile=${1:-dev}
  step "building the server ($profile) with the browser bundle in it"
  WIJKWIJS_EMBED_SITE="$WIJKWIJS_SITE_ROOT/pkg" cargo build --locked -p server --profile "$profile"
}

server_bin() {
  local profile=${1:-dev}
  [ "$profile" = dev ] && profile=debug
  echo "$CARGO_TARGET_DIR/$profile/wijkwijs"
}
