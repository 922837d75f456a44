#!/usr/bin/env bash
# ./consilium bench imaging [copies]: STOW-RS and C-STORE ingest and WADO-RS frame retrieval, Consilium and
# Orthanc on the same files in one run (Orthanc in a network namespace of its own: needs root, ip, Orthanc,
# dcmtk, curl). Prints a table and rewrites the imaging section of docs/performance.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/bench-java.sh"
run_java_bench org.consilium.bench.ImagingBench "$@"
