# Shared setup for ./consilium: checks and, when run as root, installs what Consilium needs.
# Nothing here downloads from outside Debian's archive, Maven Central and the npm registry.

RUNTIME_PACKAGES=(libpixelmed-java libpixelmed-imageio-java fonts-dejavu-core)
TEST_PACKAGES=(chromium chromium-driver dcmtk dicom3tools orthanc orthanc-dicomweb python3-pydicom
               python3-numpy python3-torch python3-torchvision python3-opencv coturn iproute2 curl)
BUILD_PACKAGES=(openjdk-17-jdk-headless maven nodejs npm)

log() { printf '[consilium] %s\n' "$*" >&2; }
die() { printf '[consilium] ERROR: %s\n' "$*" >&2; exit 1; }

missing_packages() {
  local p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || printf '%s ' "$p"
  done
}

APT_UPDATED=0
apt_install() {
  local missing
  missing=$(missing_packages "$@")
  [ -z "$missing" ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    die "missing Debian packages: $missing. Install them as root: apt-get install -y $missing"
  fi
  if [ "$APT_UPDATED" -eq 0 ]; then
    log "apt-get update"
    apt-get update -qq
    APT_UPDATED=1
  fi
  log "installing: $missing"
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
}

require_tools() {
  local need=()
  command -v java >/dev/null || need+=(openjdk-17-jdk-headless)
  command -v mvn >/dev/null || need+=(maven)
  command -v npm >/dev/null || need+=(nodejs npm)
  [ ${#need[@]} -eq 0 ] || apt_install "${need[@]}"
  local jv
  jv=$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
  [ "${jv%%.*}" -ge 17 ] 2>/dev/null || die "Java 17 or newer is required (found ${jv:-none})"
  local nv
  nv=$(node -p 'process.versions.node' 2>/dev/null || echo 0)
  local major=${nv%%.*} minor
  minor=$(echo "$nv" | cut -d. -f2)
  if [ "$major" -lt 20 ] || { [ "$major" -eq 20 ] && [ "$minor" -lt 19 ]; }; then
    die "Node.js 20.19 or newer is required to build the web app (found $nv)"
  fi
}

# PixelMed comes from Debian and has no pom: put it into the local Maven repository once.
install_pixelmed_into_maven() {
  local jar=/usr/share/java/pixelmed.jar
  [ -f "$jar" ] || die "PixelMed is missing ($jar). As root: apt-get install -y libpixelmed-java libpixelmed-imageio-java"
  local repo="${HOME}/.m2/repository/org/debian/pixelmed"
  local version
  version=$(dpkg-query -W -f='${Version}' libpixelmed-java | cut -d+ -f1)
  if [ ! -f "$repo/pixelmed/$version/pixelmed-$version.jar" ]; then
    log "registering PixelMed $version with Maven"
    mvn -B -q -N install:install-file -Dfile="$jar" -DgroupId=org.debian.pixelmed -DartifactId=pixelmed \
      -Dversion="$version" -Dpackaging=jar -DgeneratePom=true
  fi
  if [ -f /usr/share/java/pixelmed_imageio.jar ] && [ ! -f "$repo/pixelmed-imageio/$version/pixelmed-imageio-$version.jar" ]; then
    mvn -B -q -N install:install-file -Dfile=/usr/share/java/pixelmed_imageio.jar -DgroupId=org.debian.pixelmed \
      -DartifactId=pixelmed-imageio -Dversion="$version" -Dpackaging=jar -DgeneratePom=true
  fi
}

setup_runtime() {
  require_tools
  apt_install "${RUNTIME_PACKAGES[@]}"
  install_pixelmed_into_maven
  export DJL_OFFLINE=true OPT_OUT_TRACKING=true
}

setup_test_tools() {
  apt_install "${TEST_PACKAGES[@]}"
}

build_server() {
  log "building (mvn package, tests skipped)"
  mvn -B -q -DskipTests package
}
