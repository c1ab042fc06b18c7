#!/usr/bin/env bash
# Measures the budgets and prints each figure beside its budget (only the size budget is a
# test: scripts/test.sh fails above it). Figures vary with the machine; docs/performance.md
# keeps the latest ones.
#
#   bash scripts/bench.sh               # build, then measure everything
#   BENCH_SKIP_BUILD=1 bash scripts/bench.sh   # measure the existing dist/
#   BENCH_RUNS=21 bash scripts/bench.sh        # more start-up runs (default 11)
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"

# shellcheck source=scripts/ensure-tools.sh
. scripts/ensure-tools.sh test

# Lighthouse is only needed here: its own npm folder, installed on first use.
bench_tools="$root/scripts/bench-tools"
stamp="$bench_tools/node_modules/.bench.sha256"
want="$(cat "$bench_tools/package.json" "$bench_tools/package-lock.json" | sha256sum | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "installing lighthouse (npm in scripts/bench-tools)"
  (cd "$bench_tools" && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --ignore-scripts)
  echo "$want" >"$stamp"
fi

# The largest configuration the budgets name: 100 IP rules, 100 subnet rules, BYOS and ten
# private endpoints (the wizard sets no limit on endpoints).
largest="scripts/bench/largest.json"
runs="${BENCH_RUNS:-11}"

if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
  # shellcheck source=scripts/wasm-flags.sh
  . scripts/wasm-flags.sh
  trunk build --release --offline >/dev/null
fi

echo "== page sizes (budgets: wizard <= 340 kB, apply page <= 420 kB gzip -9) =="
bash scripts/bundle-size.sh dist 340000 420000 || true

echo
echo "== native core (budget: validate + plan + render <= 0.5 ms) =="
# Three configurations: the defaults with only the required fields filled (3 steps), a typical
# one (custom domain, an IP range, a subnet, BYOS, one private endpoint: 14 steps), and the
# largest, timed piece by piece.
cargo build --quiet --release --example bench_core
for config in scripts/bench/default.json scripts/bench/typical.json; do
  target/release/examples/bench_core "$config" 201 "validate + plan + render"
done
target/release/examples/bench_core "$largest"

port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
python3 scripts/static-server.py dist "$port" >/dev/null 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 0.2
done
url="http://127.0.0.1:$port/"

echo
echo "== browser, headless Chromium (budgets: start-up <= 150 ms, keystroke <= 4 ms, medians) =="
node scripts/bench/browser.mjs "$url" "$largest" "$runs"

echo
echo "== Lighthouse (budget: 100 in every category, mobile and desktop) =="
# Three runs per preset: mobile performance moves by a point between runs on the same build (its
# total blocking time is one long task, timed on this machine). Every run is printed, then the
# median of each category.
lighthouse_runs="${BENCH_LIGHTHOUSE_RUNS:-3}"
mkdir -p "$root/target"
for preset in mobile desktop; do
  reports=()
  for run in $(seq 1 "$lighthouse_runs"); do
    out="$root/target/lighthouse-$preset-$run.json"
    # shellcheck disable=SC2054 # the categories are one comma-separated argument
    args=(--quiet --output=json --output-path="$out" --only-categories=performance,accessibility,best-practices,seo
      "--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run")
    [ "$preset" = desktop ] && args+=(--preset=desktop)
    rm -f "$out"
    CHROME_PATH="${CHROMIUM_BIN:-/usr/bin/chromium}" "$bench_tools/node_modules/.bin/lighthouse" "$url" "${args[@]}" >/dev/null 2>&1 || true
    [ -f "$out" ] && reports+=("$out")
  done
  if [ "${#reports[@]}" -eq 0 ]; then
    echo "$preset: Lighthouse did not produce a report"
    continue
  fi
  # shellcheck disable=SC2016 # JavaScript, not shell
  node -e '
    const [preset, ...files] = process.argv.slice(1);
    const keys = ["performance", "accessibility", "best-practices", "seo"];
    const runs = files.map((f) => JSON.parse(require("fs").readFileSync(f, "utf8")));
    const score = (r, k) => Math.round(r.categories[k].score * 100);
    for (const r of runs) {
      const a = (k) => r.audits[k].displayValue;
      console.log(`${preset} run: ${keys.map((k) => score(r, k)).join(" / ")} (FCP ${a("first-contentful-paint")}, LCP ${a("largest-contentful-paint")}, TBT ${a("total-blocking-time")})`);
    }
    const median = (xs) => [...xs].sort((x, y) => x - y)[xs.length >> 1];
    const m = (k) => median(runs.map((r) => score(r, k)));
    console.log(`${preset}: performance ${m("performance")}, accessibility ${m("accessibility")}, best practices ${m("best-practices")}, SEO ${m("seo")} (median of ${runs.length})`);
  ' "$preset" "${reports[@]}"
done
