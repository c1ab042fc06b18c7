#!/usr/bin/env bash
# Serve the web app locally with live rebuilds: installs what is missing, then runs trunk.
#   scripts/serve.sh            # http://127.0.0.1:8080/
#   PORT=9000 scripts/serve.sh  # another port
set -euo pipefail
cd "$(dirname "$0")/.."

# Sourced, so that cargo's bin directory lands on this shell's PATH.
# shellcheck source=scripts/ensure-tools.sh
. scripts/ensure-tools.sh serve

port="${PORT:-8080}"
echo
echo "Serving on http://127.0.0.1:${port}/  (Ctrl-C to stop)"
echo
exec trunk serve --offline --address 127.0.0.1 --port "$port"
