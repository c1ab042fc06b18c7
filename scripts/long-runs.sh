#!/usr/bin/env bash
# Long property runs, outside CI: the properties that must never panic (share-link reading,
# JSON import, validation) about a million cases each, in a release build of the test binary.
# Minutes to hours depending on the machine; run it before a release or after a change to the
# link reader, the importers or validation.
#
#   bash scripts/long-runs.sh [CASES]      # default 1000000
set -euo pipefail
cd "$(dirname "$0")/.."
cases="${1:-1000000}"
tests=(
  share_links::any_text_is_read_or_refused_without_a_panic
  share_links::any_bytes_after_the_version_are_refused_or_read_without_a_panic
  import_show::any_json_is_imported_or_refused_without_a_panic
  import_show::truncated_input_is_refused_with_a_message
  never_panics::validation_never_panics
)
echo "long runs: ${cases} cases per property, ${#tests[@]} properties"
for t in "${tests[@]}"; do
  start=$(date +%s)
  if ! out=$(LONG_RUN_CASES="$cases" cargo test --release --quiet --test all -- --exact "$t" 2>&1); then
    printf '%s\n' "$out"
    echo "FAILED: $t" >&2
    exit 1
  fi
  echo "ok: $t (${cases} cases, $(( $(date +%s) - start )) s)"
done
