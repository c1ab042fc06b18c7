#!/usr/bin/env bash
# The whole check, as CI runs it: installs what is missing, then runs every step in
# order and stops at the first failure.
#
#   scripts/test.sh                 # everything
#   SKIP_WASM_TESTS=1 scripts/test.sh   # leave out the wasm-in-Chromium unit tests
#   E2E_ONLY=name scripts/test.sh   # run only the e2e tests whose title matches (playwright --grep)
#   REQUIRE_ADVISORIES=1 scripts/test.sh   # fail when the advisory database cannot be fetched
#
# Each step's output also goes to target/test-logs/; e2e screenshots to target/e2e-screenshots/,
# the e2e HTML report to target/e2e-report/, traces of failed e2e tests to target/e2e-results/.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"

export CARGO_BUILD_JOBS=2
export CARGO_TERM_PROGRESS_WHEN=never

# Sourced, so that cargo's bin directory lands on this shell's PATH.
# shellcheck source=scripts/ensure-tools.sh
. scripts/ensure-tools.sh test

log_dir="$root/target/test-logs"
mkdir -p "$log_dir"
rm -f "$log_dir"/*.log

server_pid_file="$root/target/e2e-http.pid"

# Stop the e2e static file server if one of ours is still running (by its recorded pid).
stop_server() {
  if [ -f "$server_pid_file" ]; then
    local pid
    pid="$(cat "$server_pid_file")"
    if [ -n "$pid" ]; then
      kill "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
    rm -f "$server_pid_file"
  fi
}
trap stop_server EXIT
trap 'stop_server; exit 130' INT
trap 'stop_server; exit 143' TERM
stop_server # a leftover from an interrupted earlier run

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# --- the steps ---------------------------------------------------------------

step_fmt() {
  cargo fmt --check
}

step_core_purity() {
  # The core (crates/core) and the ARM client on top of it (crates/arm-client) are crates of
  # their own: what they may use is what Cargo resolves for them, on every target, so a browser
  # crate cannot come in through a dependency either.
  local crate tree hits
  for crate in wizard-core wizard-arm; do
    tree="$(cargo tree -p "$crate" -e normal,build --target all --offline --prefix none)" || return 1
    if hits="$(printf '%s\n' "$tree" | grep -E '^(leptos|web-sys|js-sys|wasm-bindgen|gloo)[a-z_-]* ')"; then
      echo "$crate must not depend on the browser or UI crates; it resolves:"
      printf '%s\n' "$hits" | sort -u
      return 1
    fi
    echo "$crate resolves $(printf '%s\n' "$tree" | sort -u | wc -l) crates, none of leptos, web-sys, js-sys, wasm-bindgen, gloo"
  done
}

# deny.toml's licences, bans and sources, then the RustSec advisories. Their database is a git
# repository on GitHub, which some networks cannot reach: the fetch is tried once, bounded in
# time, and if it fails one line says that advisories were not checked and why
# (REQUIRE_ADVISORIES=1 makes that a failure). Once the database is fetched, any advisory that
# deny.toml does not ignore fails the step.
step_cargo_deny() {
  cargo deny --color never check licenses bans sources
  local fetch_output fetch_rc=0 fetch_timeout=120
  # No credential prompt; a stalled transfer ends before the hard limit does.
  fetch_output="$(GIT_TERMINAL_PROMPT=0 GIT_HTTP_LOW_SPEED_LIMIT=1000 GIT_HTTP_LOW_SPEED_TIME=30 \
    timeout --kill-after=10 "$fetch_timeout" cargo deny --color never fetch db 2>&1)" || fetch_rc=$?
  if [ "$fetch_rc" -ne 0 ]; then
    local reason
    if [ "$fetch_rc" -eq 124 ] || [ "$fetch_rc" -eq 137 ]; then
      reason="no answer within ${fetch_timeout}s"
    else
      reason="$(printf '%s\n' "$fetch_output" | grep -E '^(fatal|error):' | tail -n1 || true)"
      [ -n "$reason" ] || reason="$(printf '%s\n' "$fetch_output" | grep -v '^[[:space:]]*$' | tail -n1 || true)"
    fi
    echo "advisories NOT checked: the advisory database could not be fetched (${reason:-exit $fetch_rc})"
    if [ -n "${REQUIRE_ADVISORIES:-}" ]; then
      echo "REQUIRE_ADVISORIES is set: failing"
      return 1
    fi
    return 0
  fi
  # Offline: check against the copy just fetched, with no second trip over the network.
  cargo deny --color never --offline check advisories
}

step_clippy_native() {
  cargo clippy --workspace --all-targets -- -D warnings
}

step_clippy_wasm() {
  cargo clippy --workspace --target wasm32-unknown-unknown --all-targets -- -D warnings
  cargo clippy --workspace --target wasm32-unknown-unknown --all-targets --features arm-direct -- -D warnings
}

step_cargo_test() {
  cargo test
}

step_wasm_tests() {
  if [ -n "${SKIP_WASM_TESTS:-}" ]; then
    echo "skipped (SKIP_WASM_TESTS is set)"
    return 0
  fi
  # The runner reads webdriver.json (browser capabilities) and starts chromedriver,
  # which drives Debian's headless Chromium. Other drivers' variables would win, so unset them.
  env -u GECKODRIVER -u SAFARIDRIVER -u MSEDGEDRIVER \
    -u GECKODRIVER_REMOTE -u SAFARIDRIVER_REMOTE -u CHROMEDRIVER_REMOTE -u MSEDGEDRIVER_REMOTE \
    -u NO_HEADLESS \
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
    CHROMEDRIVER="$(command -v chromedriver)" \
    WASM_BINDGEN_TEST_WEBDRIVER_JSON="$root/webdriver.json" \
    WASM_BINDGEN_USE_BROWSER=1 \
    WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-180}" \
    WASM_BINDGEN_TEST_DRIVER_TIMEOUT="${WASM_BINDGEN_TEST_DRIVER_TIMEOUT:-30}" \
    cargo test --target wasm32-unknown-unknown --test browser
}

step_trunk_build() {
  bash scripts/build-pages.sh
  ls -l dist dist/apply
}

# The page budgets (gzip -9, wasm + js + css + html): the wizard at most 340 kB, the apply page
# at most 420 kB (docs/performance.md says why and how they move). Once the libraries the design
# card names are back in, the ceilings are re-based to the measured size and only go down.
step_bundle_size() {
  bash scripts/bundle-size.sh dist 340000 420000
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# E2E_SPEC limits the run to one spec file; E2E_IGNORE leaves one out.
step_e2e() {
  local dist=dist
  if [ ! -f "$dist/index.html" ]; then
    echo "$dist/index.html missing: the trunk build step must run first"
    return 1
  fi
  trap stop_server EXIT
  mkdir -p target/e2e-screenshots
  local port="" pid="" attempt i up
  for attempt in 1 2 3 4 5; do
    port="$(free_port)"
    python3 scripts/static-server.py "$dist" "$port" \
      >"$root/target/e2e-http.log" 2>&1 &
    pid=$!
    echo "$pid" >"$server_pid_file"
    up=0
    for i in $(seq 1 50); do
      if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        up=1
        break
      fi
      if ! kill -0 "$pid" 2>/dev/null; then
        break
      fi
      sleep 0.2
    done
    if [ "$up" = 1 ]; then
      break
    fi
    echo "static server did not come up on port $port (attempt $attempt, ${i} polls)"
    stop_server
    port=""
  done
  if [ -z "$port" ]; then
    echo "could not start the static file server; its log:"
    cat "$root/target/e2e-http.log"
    return 1
  fi
  echo "serving $dist/ on http://127.0.0.1:$port/ (pid $pid)"
  local -a grep_args=()
  if [ -n "${E2E_ONLY:-}" ]; then
    grep_args=(--grep "$E2E_ONLY")
  fi
  (cd tests/e2e && E2E_IGNORE="${E2E_IGNORE:-}" E2E_BASE_URL="http://127.0.0.1:$port/" node_modules/.bin/playwright test ${E2E_SPEC:+"$E2E_SPEC"} "${grep_args[@]}")
}

# Every spec but the apply page's.
step_e2e_wizard() {
  E2E_IGNORE='**/arm-direct.spec.mjs' step_e2e
}

# The "Apply directly in Azure" page (dist/apply/, the arm-direct build) against the local ARM
# fake, which the spec starts itself. The step above ran every other spec.
step_e2e_arm() {
  E2E_SPEC=specs/arm-direct.spec.mjs step_e2e
}

# --- the runner --------------------------------------------------------------

steps=(
  "cargo fmt --check:step_fmt"
  "core purity (wizard-core and wizard-arm resolve no browser/UI crate):step_core_purity"
  "cargo deny (licences, bans, sources; advisories if the database can be fetched):step_cargo_deny"
  "cargo clippy (native, all targets):step_clippy_native"
  "cargo clippy (wasm32, all targets):step_clippy_wasm"
  "cargo test (native):step_cargo_test"
  "wasm tests in headless Chromium (tests/browser.rs):step_wasm_tests"
  "trunk build --release --offline (the wizard, then dist/apply/):step_trunk_build"
  "page size budgets (gzip -9: wizard <= 340 kB, apply page <= 420 kB):step_bundle_size"
  "end-to-end browser tests (tests/e2e, @playwright/test):step_e2e_wizard"
  "end-to-end tests of the apply page (dist/apply/, local ARM fake):step_e2e_arm"
)
total=${#steps[@]}
run_start="$(now)"

# Adds up the closing count lines of every runner that ran: libtest's
# "test result: ok. N passed; M failed" (native and wasm) and the e2e summary reporter's
# "N passed, M failed" (", K skipped" may follow).
print_summary() {
  local status="$1" status_line="$2"
  local counts
  counts="$(cat "$log_dir"/*.log 2>/dev/null | awk '
    match($0, /test result: [A-Za-z]+\. [0-9]+ passed; [0-9]+ failed/) {
      split(substr($0, RSTART, RLENGTH), w, " "); p += w[4]; f += w[6]
    }
    /^[0-9]+ passed, [0-9]+ failed(, [0-9]+ skipped)?$/ { p += $1; f += $3 }
    END { printf "%d passed, %d failed", p, f }')"
  echo
  if [ "$status" = ok ]; then
    echo "==== $status_line ===="
    echo "tests: $counts"
  else
    # On failure the status goes last, so the closing line never looks like a clean run.
    echo "tests so far: $counts"
    echo "==== $status_line ===="
  fi
}

n=0
for entry in "${steps[@]}"; do
  n=$((n + 1))
  name="${entry%:*}"
  fn="${entry##*:}"
  log="$log_dir/$(printf '%02d' "$n")-${fn#step_}.log"
  echo
  echo "==== [$n/$total] $name ===="
  start="$(now)"
  set +e
  (set -euo pipefail; "$fn") 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  set -e
  if [ "$rc" -ne 0 ]; then
    echo "==== [$n/$total] FAILED: $name (exit $rc, $(elapsed "$start")s) ===="
    print_summary failed "summary: FAILED at step $n/$total ($name) after $(elapsed "$run_start")s"
    exit 1
  fi
  echo "==== [$n/$total] ok: $name ($(elapsed "$start")s) ===="
done

print_summary ok "summary: all $total steps passed in $(elapsed "$run_start")s"
