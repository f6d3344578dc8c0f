# Shared by bin/run and bin/test: find a JDK 25+ and the repository root. Sourced, not run.

DEALRADAR_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export DEALRADAR_ROOT

# The services' JVM settings, defined once: a small serial-GC heap, measured by bench/run.sh (README, "Measured
# figures"), which the benchmarks use; the local run adds C1 only (measured by bench/local-run.sh, README "The local
# run's start": four JVMs starting at once on two cores spend most of their start compiling). The code cache keeps the
# JDK's size: capped at 64 MiB it filled past the JDK's threshold under load, and each time the JVM stopped everything
# for a full collection to unload code (84-189 ms pauses; bench/MEASUREMENTS.md, "At scale").
DEALRADAR_JVM_HEAP="-XX:+UseSerialGC -Xms32m -Xmx160m -Xss512k"
DEALRADAR_LOCAL_RUN_JVM="$DEALRADAR_JVM_HEAP -XX:TieredStopAtLevel=1"

java_major() { # prints the feature version of the java binary $1
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}'
}

find_jdk() {
  local candidate
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(java_major "$JAVA_HOME/bin/java")" -ge 25 ] 2>/dev/null; then
    return 0
  fi
  for candidate in /usr/lib/jvm/*25* /usr/lib/jvm/*2[6-9]* /usr/lib/jvm/*; do
    if [ -x "$candidate/bin/javac" ] && [ "$(java_major "$candidate/bin/java")" -ge 25 ] 2>/dev/null; then
      export JAVA_HOME="$candidate"
      return 0
    fi
  done
  echo "DealRadar needs a JDK 25 or newer, and none was found (JAVA_HOME=${JAVA_HOME:-unset}, /usr/lib/jvm)." >&2
  echo "Install one (for example Temurin 25: apt-get install temurin-25-jdk) or point JAVA_HOME at it." >&2
  return 1
}

find_jdk || exit 1
export PATH="$JAVA_HOME/bin:$PATH"

if ! command -v mvn >/dev/null 2>&1; then
  echo "Maven 3.8+ is needed (apt-get install maven)." >&2
  exit 1
fi

# need COMMAND PACKAGE: installs the Debian package when the command is missing (with sudo when not root).
need() {
  command -v "$1" >/dev/null && return
  echo "Installing $2 (Debian package)..." >&2
  local sudo=(); [ "$(id -u)" = 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 install -y -q "$2" >/dev/null 2>&1 \
    || { "${sudo[@]}" apt-get update >/dev/null 2>&1 && "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 install -y -q "$2" >/dev/null 2>&1; } \
    || true
  command -v "$1" >/dev/null || { echo "$1 is needed: apt-get install $2" >&2; exit 1; }
}
