#!/usr/bin/env bash
# Installs everything the build and the tests need. Idempotent: every step checks what is
# already there (and its version) first, so on a ready machine this takes a second or two.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

# The wasm-bindgen CLI must be exactly the version in Cargo.lock, or trunk tries to download.
lock_version() {
  awk -v name="$1" '$0 == "name = \"" name "\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32 target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (about 10 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --force
fi

WASM_BINDGEN_VERSION=$(lock_version wasm-bindgen)
if [ -z "$WASM_BINDGEN_VERSION" ]; then
  echo "setup: cannot read the wasm-bindgen version from Cargo.lock" >&2
  exit 1
fi
if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $WASM_BINDGEN_VERSION"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 4 minutes)"
  # No --locked: its lock file names a crate version the registry does not serve.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# The wasm splitter that scripts/bin/wasm-bindgen runs before wasm-bindgen: it cuts the linked
# module into the first-visit part and one chunk per screen that loads when opened.
WASM_SPLIT_VERSION=0.2.4
if ! [ -x "$HOME/.cargo/bin/wasm-split-cli" ] || ! grep -qs "$WASM_SPLIT_VERSION" "$HOME/.cargo/.mend-wasm-split"; then
  say "installing wasm-split-cli $WASM_SPLIT_VERSION (about 3 minutes)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked --force
  echo "$WASM_SPLIT_VERSION" > "$HOME/.cargo/.mend-wasm-split"
fi

# trunk builds with --offline, so every crate must be in the local registry cache.
cargo fetch --locked >/dev/null

# Debian's packages: Chromium and ChromeDriver (browsers cannot be downloaded by the test tools
# here), and faketime (make clock-ahead runs the native tests with the clock a year on).
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
command -v faketime >/dev/null 2>&1 || missing+=(faketime)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]} from Debian"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
fi

# npm packages (Playwright, axe-core, Lighthouse, binaryen's wasm-opt) from the committed lock file.
# A stamp of the lock file's hash makes this a no-op when nothing changed.
lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
stamp=node_modules/.mend-lock-hash
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_hash" ]; then
  say "installing npm packages with npm ci"
  npm ci --no-audit --no-fund
  echo "$lock_hash" > "$stamp"
fi

# Debian's wasm-opt breaks the output; the build must use binaryen from npm.
if ! node_modules/.bin/wasm-opt --version | grep -q 'version 132'; then
  echo "setup: node_modules/.bin/wasm-opt is not binaryen 132" >&2
  exit 1
fi
