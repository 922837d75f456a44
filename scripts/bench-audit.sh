#!/usr/bin/env bash
# ./consilium bench audit [events]: hash-chained audit appends vs plain inserts, and chain verification speed.
# Prints a table and rewrites the audit section of docs/performance.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
mvn -B -q test-compile dependency:build-classpath -pl signaling-server -am -DskipTests \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
cd signaling-server
exec java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.consilium.bench.AuditBench "$@"
