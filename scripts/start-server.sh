#!/usr/bin/env bash
# Starts the built server on the embedded defaults with demo data. Any configuration key can be
# overridden by an environment variable (see docs/configuration.md).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export DATA_DIR="${DATA_DIR:-$ROOT/data}"
export DEMO_DATA="${DEMO_DATA:-true}"
if [ "$DEMO_DATA" = true ] && [ -z "${ADMIN_PASSWORD:-}" ]; then
  # The demo's documented admin password (docs/demo.md); a real deployment sets its own or gets one printed.
  export ADMIN_PASSWORD="Demo-Admin-Consilium-2026"
fi
export DJL_OFFLINE=true OPT_OUT_TRACKING=true
export DJL_CACHE_DIR="${DJL_CACHE_DIR:-$DATA_DIR/djl-cache}"
echo "[consilium] starting on ${PUBLIC_URL:-http://localhost:${HTTP_PORT:-8080}} (data in $DATA_DIR)" >&2
exec java ${JAVA_OPTS:-} -jar signaling-server/target/consilium-server.jar "$@"
