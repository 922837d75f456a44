#!/usr/bin/env bash
# ./consilium bench viewer [steps]: shared viewing delay in a room, presenter's change → follower's screen, two
# headless Chromium sessions on this machine. Needs the packaged server (mvn package). Rewrites the viewer
# section of docs/performance.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT/consultation-web"
exec node bench/viewer.mjs "$@"
