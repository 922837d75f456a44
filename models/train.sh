#!/usr/bin/env bash
# Retrains the lesion-flag model, exports it, measures it, rewrites its card and the Java test fixtures.
#   models/train.sh                 synthetic frames (what is committed)
#   models/train.sh --data DIR      a folder in the Kvasir-SEG layout (images/ + masks/)
# Extra arguments go to models/train.py (see --help). Needs Debian's python3-torch and python3-opencv.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
/usr/bin/python3 -m models.train "$@"
/usr/bin/python3 -m models.fixtures
