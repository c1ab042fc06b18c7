#!/usr/bin/env bash
# The bundle's floor set by the core: builds a wasm that calls every core function the wizard's
# page calls, with no UI at all (scripts/bench/core-floor), runs the page's wasm-opt steps on it
# and prints its size, gzip -9 and brotli. Whatever UI the page has comes on top of this.
#
#   bash scripts/size-floor.sh
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/wasm-flags.sh
. scripts/wasm-flags.sh
export PATH="$PWD/scripts/npm-tools/node_modules/.bin:$PATH"
probe=scripts/bench/core-floor
target="$PWD/target/core-floor"
mkdir -p "$target"
# The probe builds against the app's own lock file, so the same crate versions, offline.
cp Cargo.lock "$probe/Cargo.lock"
trap 'rm -f "$probe/Cargo.lock"' EXIT
CARGO_TARGET_DIR="$target" cargo build --quiet --offline --release \
  --manifest-path "$probe/Cargo.toml" --target wasm32-unknown-unknown
built="$target/wasm32-unknown-unknown/release/core-floor.wasm"
# index.html's wasm-opt steps (data-wasm-opt-params, level 1), after removing the exports that
# wasm-bindgen would have removed: only `everything` and the memory stay.
params="$(sed -n 's/.*data-wasm-opt-params="\([^"]*\)".*/\1/p' index.html | head -n 1)"
# The first pass needs only the features the page names there.
features="$(grep -o -- '--enable-[a-z-]*' <<<"$params")"
# shellcheck disable=SC2086 # word splitting of the flag lists is wanted
wasm-opt "$built" $features --remove-exports --pass-arg='remove-exports@__*' -o "$target/exports.wasm"
# shellcheck disable=SC2086
wasm-opt "$target/exports.wasm" -O1 $params --strip-debug -o "$target/floor.wasm"
python3 scripts/bench/wasm_sizes.py "$target/floor.wasm"
