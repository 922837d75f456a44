#!/usr/bin/env bash
# ./consilium bench emergency [runs]: the emergency path (submit, push to the on-call specialist, accept opens the room) vs the ordinary path.
# Prints a table and rewrites the emergency section of docs/performance.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/bench-java.sh"
run_java_bench org.consilium.bench.EmergencyBench "$@"
