#!/usr/bin/env bash
# The size of what the wizard's page downloads (the files at the top of dist/: wasm + js + css +
# html): per file raw, gzip -9 and brotli (quality 11), and the gzip -9 total against the budget.
# Exits 1 over the budget. A second page in a subfolder (dist/apply/, the direct-ARM build) is
# reported on its own line and not counted in the wizard's total (the wizard never downloads
# it); with OTHER_PAGE_BUDGET_BYTES it has a budget of its own.
#
#   scripts/bundle-size.sh [DIST_DIR] [BUDGET_BYTES] [OTHER_PAGE_BUDGET_BYTES]
#   defaults: dist 340000, no budget for other pages (kB = 1000 bytes)
set -euo pipefail

dist="${1:-dist}"
budget="${2:-${BUNDLE_BUDGET_BYTES:-340000}}"
other_budget="${3:-}"
other_over=0

if [ ! -f "$dist/index.html" ]; then
  echo "$dist/index.html missing: build first (trunk build --release --offline)" >&2
  exit 1
fi

files=()
while IFS= read -r f; do files+=("$f"); done < <(
  find "$dist" -maxdepth 1 -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.css' -o -name '*.html' \) | sort
)

kb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1000 }'; }

printf '%-44s %10s %10s %10s\n' "file" "raw" "gzip -9" "brotli"
total_raw=0 total_gz=0 total_br=0
for f in "${files[@]}"; do
  raw=$(wc -c <"$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  br=$(node -e '
    const z = require("zlib");
    const data = require("fs").readFileSync(process.argv[1]);
    const out = z.brotliCompressSync(data, { params: { [z.constants.BROTLI_PARAM_QUALITY]: 11 } });
    console.log(out.length);' "$f")
  total_raw=$((total_raw + raw)) total_gz=$((total_gz + gz)) total_br=$((total_br + br))
  printf '%-44s %10s %10s %10s\n' "${f#"$dist"/}" "$raw" "$gz" "$br"
done
printf '%-44s %10s %10s %10s\n' "total (bytes)" "$total_raw" "$total_gz" "$total_br"
for page in "$dist"/*/index.html; do
  [ -f "$page" ] || continue
  dir="${page%/index.html}"
  page_gz=0
  for f in "$dir"/*.wasm "$dir"/*.js "$dir"/*.css "$dir"/*.html; do
    [ -f "$f" ] && page_gz=$((page_gz + $(gzip -9 -c "$f" | wc -c)))
  done
  if [ -n "$other_budget" ]; then
    echo "other page ${dir#"$dist"/}/: $(kb "$page_gz") kB gzip -9; budget $(kb "$other_budget") kB"
    if [ "$page_gz" -gt "$other_budget" ]; then
      echo "OVER BUDGET: page ${dir#"$dist"/}/ by $((page_gz - other_budget)) bytes"
      other_over=1
    fi
  else
    echo "other page ${dir#"$dist"/}/ (not in the budget): $(kb "$page_gz") kB gzip -9"
  fi
done
echo "bundle: $(kb "$total_gz") kB gzip -9 ($(kb "$total_br") kB brotli, $(kb "$total_raw") kB raw); budget $(kb "$budget") kB gzip -9 (1 kB = 1000 bytes)"

if [ "$total_gz" -gt "$budget" ]; then
  echo "OVER BUDGET by $((total_gz - budget)) bytes: make the bundle smaller before adding to it"
  exit 1
fi
echo "within budget ($((budget - total_gz)) bytes to spare)"
[ "$other_over" -eq 0 ] || exit 1
