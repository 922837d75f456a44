#!/usr/bin/env bash
# ./consilium bench imaging [copies]: STOW-RS and C-STORE ingest and WADO-RS frame retrieval, Consilium and
# Orthanc on the same files in one run (Orthanc in a network namespace of its own: needs root, ip, Orthanc,
# dcmtk, curl). Prints a table and rewrites the imaging section of docs/performance.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
mvn -B -q test-compile dependency:build-classpath -pl signaling-server -am -DskipTests \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
cd signaling-server
exec java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.consilium.bench.ImagingBench "$@"
