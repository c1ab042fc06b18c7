#!/usr/bin/env bash
# Builds and serves the site locally: the wizard at http://127.0.0.1:8080/ and the page that
# applies the plan directly in Azure at http://127.0.0.1:8080/apply/. Installs what is missing.
#   scripts/serve.sh                  # release builds, http://127.0.0.1:8080/
#   PORT=9000 scripts/serve.sh        # another port
#   SERVE_DEBUG=1 scripts/serve.sh    # faster debug builds
# Two pages need two trunk builds, so this serves the built files (no live rebuild); for live
# rebuilds of the wizard alone: trunk serve --offline.
set -euo pipefail
cd "$(dirname "$0")/.."

# Sourced, so that cargo's bin directory lands on this shell's PATH.
# shellcheck source=scripts/ensure-tools.sh
. scripts/ensure-tools.sh serve

port="${PORT:-8080}"
bash scripts/build-pages.sh ${SERVE_DEBUG:+--debug}
echo
echo "Serving on http://127.0.0.1:${port}/ (the wizard) and http://127.0.0.1:${port}/apply/ (apply directly in Azure)  (Ctrl-C to stop)"
echo
# The same response headers a static host sends (dist/_headers).
exec python3 scripts/static-server.py dist "$port"
