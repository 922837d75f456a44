#!/usr/bin/env bash
# ./consilium bench emergency [runs]: the emergency path (submit, push to the on-call specialist, accept opens the room) vs the ordinary path.
# Prints a table and rewrites the emergency section of docs/performance.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
mvn -B -q test-compile dependency:build-classpath -pl signaling-server -am -DskipTests \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
cd signaling-server
exec java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.consilium.bench.EmergencyBench "$@"
