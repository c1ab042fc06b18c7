#!/usr/bin/env bash
# Install, idempotently, the tools this project needs, and print one line per tool.
#
#   scripts/ensure-tools.sh serve   # what `trunk serve` / `trunk build` need
#   scripts/ensure-tools.sh test    # the above plus browsers, linters and the e2e npm packages
#
# It can also be sourced (`. scripts/ensure-tools.sh test`): then the PATH change
# (cargo's bin directory) stays in the calling shell. Nothing here downloads anything
# but packages from the ordinary registries (crates, Debian, npm, PyPI).

# --- PATH: cargo-installed binaries (trunk, wasm-bindgen) live in cargo's bin dir. ---
_ensure_tools_cargo_bin="${CARGO_HOME:-$HOME/.cargo}/bin"
case ":$PATH:" in
  *":$_ensure_tools_cargo_bin:"*) ;;
  *) export PATH="$_ensure_tools_cargo_bin:$PATH" ;;
esac
unset _ensure_tools_cargo_bin
# binaryen's wasm-opt from npm (scripts/npm-tools), ahead of any older system one.
_ensure_tools_npm_bin="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/npm-tools/node_modules/.bin"
case ":$PATH:" in
  *":$_ensure_tools_npm_bin:"*) ;;
  *) export PATH="$_ensure_tools_npm_bin:$PATH" ;;
esac
unset _ensure_tools_npm_bin
export CARGO_BUILD_JOBS="${CARGO_BUILD_JOBS:-2}"

_ensure_tools_main() {
  set -euo pipefail

  local mode="${1:-serve}"
  case "$mode" in
    serve | test) ;;
    *)
      echo "usage: ensure-tools.sh [serve|test]" >&2
      return 2
      ;;
  esac

  local root
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

  local trunk_version="0.21.14"

  # Root does not need sudo; anyone else does.
  local -a sudo_cmd=()
  if [ "$(id -u)" -ne 0 ]; then
    sudo_cmd=(sudo)
  fi

  local apt_updated=0
  apt_install() {
    if [ "$apt_updated" -eq 0 ]; then
      echo "  apt-get update"
      "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
      apt_updated=1
    fi
    "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive \
      apt-get install -y -qq --no-install-recommends "$@"
  }

  ok() { printf '%-22s ok (%s)\n' "$1:" "$2"; }
  installing() { printf '%-22s installing %s\n' "$1:" "$2"; }

  # The first version-looking number that a `--version` command prints (empty if none).
  version_of() {
    "$@" 2>/dev/null | grep -oE '[0-9]+(\.[0-9]+)*' | head -n1 || true
  }

  # --- Rust toolchain (must already be there: rustup cannot come from a registry). ---
  if ! command -v cargo >/dev/null 2>&1 || ! command -v rustup >/dev/null 2>&1; then
    echo "cargo/rustup not found: install the Rust toolchain with rustup first" >&2
    return 1
  fi
  ok cargo "$(version_of cargo --version)"

  if rustup target list --installed | grep -qx 'wasm32-unknown-unknown'; then
    ok wasm32-target "wasm32-unknown-unknown"
  else
    installing wasm32-target "wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi

  if [ "$mode" = test ]; then
    local comp
    for comp in rustfmt clippy; do
      local probe=(cargo fmt --version)
      [ "$comp" = clippy ] && probe=(cargo clippy --version)
      if "${probe[@]}" >/dev/null 2>&1; then
        ok "$comp" "$(version_of "${probe[@]}")"
      else
        installing "$comp" "(rustup component)"
        rustup component add "$comp"
      fi
    done
  fi

  # --- trunk, exact version. ---
  local have
  have="$(version_of trunk --version)"
  if [ "$have" = "$trunk_version" ]; then
    ok trunk "$have"
  else
    installing trunk "$trunk_version (found: ${have:-none})"
    cargo install trunk --version "$trunk_version" --locked
  fi

  # --- wasm-bindgen-cli, the exact version that Cargo.lock pins for wasm-bindgen. ---
  if [ ! -f "$root/Cargo.lock" ]; then
    echo "  Cargo.lock missing: generating it"
    (cd "$root" && cargo generate-lockfile)
  fi
  local wbg_version
  wbg_version="$(awk '
    $0 == "name = \"wasm-bindgen\"" { found = 1; next }
    found && /^version = / { gsub(/^version = "|"$/, ""); print; exit }
    /^\[\[package\]\]/ { found = 0 }
  ' "$root/Cargo.lock")"
  if [ -z "$wbg_version" ]; then
    echo "could not read the wasm-bindgen version from Cargo.lock" >&2
    return 1
  fi
  have="$(version_of wasm-bindgen --version)"
  local have_runner
  have_runner="$(version_of wasm-bindgen-test-runner --version)"
  if [ "$have" = "$wbg_version" ] && [ "$have_runner" = "$wbg_version" ]; then
    ok wasm-bindgen-cli "$have"
  else
    installing wasm-bindgen-cli "$wbg_version (found: ${have:-none})"
    # Not --locked on purpose: the cli's own lockfile can pin crates that no longer build.
    cargo install wasm-bindgen-cli --version "$wbg_version"
  fi

  # --- node/npm: build tools and the e2e packages come from npm. ---
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    installing node "(Debian nodejs npm)"
    apt_install nodejs npm
  fi
  ok node "$(version_of node --version)"

  # Installs an npm package folder (package.json + package-lock.json) once per change of either.
  npm_folder() {
    local label="$1" dir="$2" stamp want_hash
    stamp="$dir/node_modules/.ensure-tools.sha256"
    if [ -f "$dir/package-lock.json" ]; then
      want_hash="$(cat "$dir/package.json" "$dir/package-lock.json" | sha256sum | cut -d' ' -f1)"
    else
      want_hash="$(sha256sum <"$dir/package.json" | cut -d' ' -f1)"
    fi
    if [ -d "$dir/node_modules" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want_hash" ]; then
      ok "$label" "$(cd "$dir" && node -e '
        const p = require("./package.json").dependencies;
        console.log(Object.entries(p).map(([k, v]) => k + " " + v).join(", "));')"
      return 0
    fi
    installing "$label" "(npm in ${dir#"$root"/})"
    # No install scripts: nothing may fetch a browser or a binary from elsewhere.
    local -a npm_flags=(--no-audit --no-fund --ignore-scripts)
    if [ -f "$dir/package-lock.json" ]; then
      (cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci "${npm_flags[@]}")
    else
      (cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install "${npm_flags[@]}")
      want_hash="$(cat "$dir/package.json" "$dir/package-lock.json" | sha256sum | cut -d' ' -f1)"
    fi
    echo "$want_hash" >"$stamp"
  }

  # --- wasm-opt (binaryen from npm, the version Trunk.toml pins): Debian's binaryen is too old
  # for the module current rustc emits. trunk runs it on release builds and never downloads it. ---
  npm_folder build-tools "$root/scripts/npm-tools"

  [ "$mode" = test ] || return 0

  # --- cargo-deny, exact version: licences, bans, sources and advisories (deny.toml). It has no
  # optional features to leave out: it runs the system's git to fetch the advisory database. ---
  local cargo_deny_version="0.20.2"
  have="$(version_of cargo-deny --version)"
  if [ "$have" = "$cargo_deny_version" ]; then
    ok cargo-deny "$have"
  else
    installing cargo-deny "$cargo_deny_version (found: ${have:-none})"
    local deny_start=$SECONDS
    cargo install cargo-deny --version "$cargo_deny_version" --locked
    echo "  cargo-deny installed in $((SECONDS - deny_start))s"
  fi

  # --- Browser, its driver, the shell linter, python3 for the static file server. ---
  local pair bin pkg
  for pair in chromium:chromium chromedriver:chromium-driver shellcheck:shellcheck jq:jq python3:python3; do
    bin="${pair%%:*}"
    pkg="${pair#*:}"
    if command -v "$bin" >/dev/null 2>&1; then
      ok "$bin" "$(version_of "$bin" --version)"
    else
      installing "$bin" "(Debian $pkg)"
      apt_install "$pkg"
    fi
  done

  # --- azure-cli in a virtual environment: the test suite's judge of every generated az
  # command line (tests/az_cli_judge/). Kept in the user's cache, outside the work tree, so a
  # fresh clone on the same machine reuses it. The first install takes about 4 minutes
  # (--no-compile: byte-compiling its thousands of modules up front took three times as long). ---
  local az_version az_venv
  az_version="$(tr -d '[:space:]' <"$root/tests/az_cli_judge/azure-cli-version")"
  az_venv="${XDG_CACHE_HOME:-$HOME/.cache}/ai-network-wizard/azure-cli-$az_version"
  if [ -f "$az_venv/.installed" ] && "$az_venv/bin/python" -c 'import azure.cli.core' 2>/dev/null; then
    ok azure-cli-judge "$az_version in $az_venv"
  else
    installing azure-cli-judge "azure-cli $az_version (pip, in $az_venv)"
    if ! python3 -m venv --help >/dev/null 2>&1; then
      apt_install python3-venv
    fi
    rm -rf "$az_venv"
    mkdir -p "$(dirname "$az_venv")"
    python3 -m venv "$az_venv"
    local az_start=$SECONDS
    "$az_venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-compile \
      "azure-cli==$az_version"
    echo "  azure-cli installed in $((SECONDS - az_start))s"
    touch "$az_venv/.installed"
  fi

  # --- the e2e packages (@playwright/test, axe-core); the browser is Debian's chromium. ---
  npm_folder e2e-npm-packages "$root/tests/e2e"
}

# --- The .http client the native tests send the REST output with (httpyac, npm). ---
# Its own package folder, so the browser tests' packages and this one install independently.
_ensure_tools_rest_client() {
  set -euo pipefail
  local root dir stamp want_hash
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  dir="$root/tests/rest_client"
  stamp="$dir/node_modules/.ensure-tools.sha256"
  want_hash="$(cat "$dir/package.json" "$dir/package-lock.json" | sha256sum | cut -d' ' -f1)"
  if [ -x "$dir/node_modules/.bin/httpyac" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want_hash" ]; then
    printf '%-22s ok (%s)\n' "httpyac:" "$(node -p 'require("'"$dir"'/package.json").dependencies.httpyac')"
  else
    printf '%-22s installing %s\n' "httpyac:" "(npm in tests/rest_client)"
    (cd "$dir" && npm ci --no-audit --no-fund --ignore-scripts)
    echo "$want_hash" >"$stamp"
  fi
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  _ensure_tools_main "$@"
  if [ "${1:-serve}" = test ]; then _ensure_tools_rest_client; fi
else
  # Sourced: run in a subshell so `set -euo pipefail` and the helpers stay out of
  # the caller; the PATH export above already happened in the caller's shell.
  (_ensure_tools_main "$@")
  if [ "${1:-serve}" = test ]; then (_ensure_tools_rest_client); fi
fi
