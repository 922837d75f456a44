# Sourced by scripts/bench-*.sh: builds the test classpath once and runs one benchmark's main class.
run_java_bench() {
  local main="$1"
  shift
  local root
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  cd "$root"
  mvn -B -q test-compile dependency:build-classpath -pl signaling-server -am -DskipTests \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
  cd signaling-server
  exec java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" "$main" "$@"
}
