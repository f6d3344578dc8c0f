# Sourced by the bench scripts: the JDK and the repository root (bin/lib.sh), internal tokens (internal-token.sh), and
# the helpers every benchmark needs.
source "$(dirname "${BASH_SOURCE[0]}")/../bin/lib.sh"
source "$(dirname "${BASH_SOURCE[0]}")/internal-token.sh"

# The services' heap settings in the benchmarks (bin/lib.sh); JVM_OPTS overrides them. The log manager is named as the
# images name it (deploy/Dockerfile): Quarkus installs it itself, but a JVM option that starts JFR touches the JDK's
# logging first, and a profiled service would then log through the JDK's slower handlers.
BENCH_LOG_MANAGER="-Djava.util.logging.manager=org.jboss.logmanager.LogManager"
BENCH_JVM_OPTS="$DEALRADAR_JVM_HEAP $BENCH_LOG_MANAGER"

# await_ready URL PID SECONDS: polls URL every 20 ms until it answers 2xx (status 0); status 1 when the process PID
# ends first or SECONDS pass. How every benchmark knows that a service it started is ready.
await_ready() {
  local url=$1 pid=$2 deadline=$(( $(date +%s) + $3 ))
  until curl -fs -o /dev/null "$url" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null && [ "$(date +%s)" -lt "$deadline" ] || return 1
    sleep 0.02
  done
}

# cpu_ticks PID: user + system time of a process so far, in clock ticks.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# per_request TICKS_BEFORE TICKS_AFTER REQUESTS: CPU milliseconds per request.
per_request() { awk -v a="$1" -v b="$2" -v n="$3" -v hz="$(getconf CLK_TCK)" 'BEGIN { if (n > 0) printf "%.2f", (b - a) * 1000 / hz / n }'; }
# rss PID: resident memory of a process, MiB.
rss() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
# ms VALUE: a wrk latency (850.00us, 1.20ms, 2.10s) in milliseconds; empty when it is none of those.
ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) printf "%.2f", v / 1000; else if (v ~ /ms$/) printf "%.2f", v + 0; else if (v ~ /s$/) printf "%.2f", v * 1000 }'; }
# median: the median of the numbers on stdin (separated by spaces or lines).
median() { tr ' ' '\n' | awk 'NF' | sort -g | awk '{v[NR] = $1} END { if (NR) printf "%g", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
