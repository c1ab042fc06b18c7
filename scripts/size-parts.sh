#!/usr/bin/env bash
# Where the wizard's wasm bytes are, for size work: builds the page's wasm with its function
# names kept (the release profile otherwise, in a target folder of its own, so the usual build
# stays as it is) and prints its parts and largest functions (scripts/bench/size_parts.py).
#
#   bash scripts/size-parts.sh [TOP]
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/wasm-flags.sh
. scripts/wasm-flags.sh
target=target/size-parts
CARGO_PROFILE_RELEASE_STRIP=false CARGO_TARGET_DIR="$target" \
  cargo build --quiet --offline --release --target wasm32-unknown-unknown --bin ai-network-wizard
python3 scripts/bench/size_parts.py "$target/wasm32-unknown-unknown/release/ai-network-wizard.wasm" "${1:-25}"
