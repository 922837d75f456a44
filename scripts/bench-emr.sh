#!/usr/bin/env bash
# ./consilium bench emr [calls]: signing a consultation report vs exporting the unsigned minutes PDF, and /fhir reads.
# Prints a table and rewrites the emr section of docs/performance.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/bench-java.sh"
run_java_bench org.consilium.bench.EmrBench "$@"
