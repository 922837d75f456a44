#!/usr/bin/env bash
# ./consilium bench <area>: runs one area's benchmark side by side with its reference, prints a table and
# updates that area's section of docs/performance.md. Areas: see scripts/bench-*.sh.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
area="${1:-}"
shift || true
script="scripts/bench-${area}.sh"
if [ -z "$area" ] || [ ! -x "$script" ]; then
  echo "usage: ./consilium bench <area>; areas:" >&2
  for f in scripts/bench-*.sh; do [ -e "$f" ] && basename "$f" .sh | sed 's/^bench-/  /' >&2; done
  exit 2
fi
exec "$script" "$@"
