#!/usr/bin/env bash
# ./consilium bench audit [events]: hash-chained audit appends vs plain inserts, and chain verification speed.
# Prints a table and rewrites the audit section of docs/performance.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/bench-java.sh"
run_java_bench org.consilium.bench.AuditBench "$@"
