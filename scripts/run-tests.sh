#!/usr/bin/env bash
# The whole test suite: Java unit and integration tests (mvn verify), the model's Python tests,
# and the browser tests against the packaged server.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export DJL_OFFLINE=true OPT_OUT_TRACKING=true
export DJL_CACHE_DIR="${DJL_CACHE_DIR:-$HOME/.cache/consilium/djl}"
start=$(date +%s)

echo "[consilium] Java tests (mvn verify)" >&2
mvn -B verify

if [ -d models/tests ]; then
  echo "[consilium] model tests" >&2
  /usr/bin/python3 -m unittest discover -s models/tests -t .
fi

if [ -d consultation-web/e2e ] && ls consultation-web/e2e/*.test.mjs >/dev/null 2>&1; then
  echo "[consilium] browser tests" >&2
  (cd consultation-web && npm run e2e)
fi
echo "[consilium] all tests passed in $(( $(date +%s) - start )) s" >&2
