
set -euo pipefail

for tool in az jq; do
  command -v "$tool" >/dev/null || { echo "This script needs $tool." >&2; exit 1; }
done

