#!/usr/bin/env bash
# ./consilium bench ai [frames] [soak-frames]: the lesion-flag pipeline in DJL vs the same TorchScript model in
# Debian's PyTorch, same frames, one thread each, in one run; then a memory soak (default 10,000 frames).
# Prints a table and rewrites the ai section of docs/performance.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
frames="${1:-1000}"
soak="${2:-10000}"
export DJL_OFFLINE=true OPT_OUT_TRACKING=true
export DJL_CACHE_DIR="${DJL_CACHE_DIR:-$HOME/.cache/consilium/djl}"
work=ai-inference/target/bench-ai
rm -rf "$work" && mkdir -p "$work"
/usr/bin/python3 -m models.synthetic "$work/frames" --seed 777 --count 100 --size 640 480 --format jpg
card="$(ls models/*.card.json | tail -1)"
echo "[bench ai] reference: Debian PyTorch on $card" >&2
/usr/bin/python3 -m models.bench_reference "$card" "$work/frames/images" --frames "$frames" > "$work/reference.json"
mvn -B -q test-compile dependency:build-classpath -pl ai-inference -am -DskipTests \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
cd ai-inference
echo "[bench ai] DJL pipeline" >&2
exec java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.consilium.inference.bench.InferenceBench \
  "target/bench-ai/frames/images" "target/bench-ai/reference.json" "$frames" "$soak" ../docs/performance.md
