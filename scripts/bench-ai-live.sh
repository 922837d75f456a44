#!/usr/bin/env bash
# ./consilium bench ai-live [seconds]: the live annotation delay (frame sent -> flags received -> box drawn on
# another participant's screen) in two headless Chromiums on the packaged server, against the 120 ms bar;
# rewrites the ai-live section of docs/performance.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
seconds="${1:-60}"
export DJL_OFFLINE=true OPT_OUT_TRACKING=true
mvn -B -q package -DskipTests
cd consultation-web
exec node e2e/bench/live-flags.mjs "$seconds" ../docs/performance.md
