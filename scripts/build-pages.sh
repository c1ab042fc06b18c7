#!/usr/bin/env bash
# Builds the site into dist/: the wizard (index.html; what the size budget measures) and, in
# dist/apply/, the same app with the "Apply directly in Azure" panel (apply.html, cargo feature
# arm-direct). The panel is a page of its own so that the wizard's download stays small.
# Trunk empties its output directory, so the wizard goes first.
#
#   scripts/build-pages.sh            # release builds (what users get)
#   scripts/build-pages.sh --debug    # faster builds, much larger files
set -euo pipefail
cd "$(dirname "$0")/.."

release=(--release)
if [ "${1:-}" = "--debug" ]; then
  release=()
fi

# shellcheck source=scripts/wasm-flags.sh
. scripts/wasm-flags.sh

# The target page comes first: trunk reads an argument after a bare flag as that flag's value.
trunk build index.html "${release[@]}" --offline

# The apply page paints index.html's first-paint skeleton (from its `<div id="app">` down to
# `<!-- end of the first paint -->`, with its notice for JavaScript off), so the two never drift
# apart. The page is generated beside apply.html, since trunk resolves the stylesheets relative
# to it.
page=apply.generated.html
trap 'rm -f "$page"' EXIT
skeleton=$(awk '/<div id="app">/ { copying = 1 } copying { print } /<!-- end of the first paint -->/ { copying = 0 }' index.html)
if [ -z "$skeleton" ]; then
  echo "build-pages.sh: no <div id=\"app\"> skeleton found in index.html" >&2
  exit 1
fi
SKELETON="$skeleton" awk '/first-paint skeleton: scripts\/build-pages.sh/ { print ENVIRON["SKELETON"]; next } { print }' apply.html >"$page"
trunk build "$page" "${release[@]}" --offline --dist dist/apply --public-url ./
test -f dist/index.html
test -f dist/apply/index.html
