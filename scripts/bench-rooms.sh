#!/usr/bin/env bash
# ./consilium bench rooms [seconds]: the room signaling relay at 100, 500 and 1,000 connections vs a bare Vert.x WebSocket relay.
# Prints a table and rewrites the rooms section of docs/performance.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/bench-java.sh"
run_java_bench org.consilium.bench.RoomsBench "$@"
