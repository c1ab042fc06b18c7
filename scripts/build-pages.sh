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

# The target page comes first: trunk reads an argument after a bare flag as that flag's value.
trunk build index.html "${release[@]}" --offline
trunk build apply.html "${release[@]}" --offline --dist dist/apply --public-url ./
test -f dist/index.html
test -f dist/apply/index.html
