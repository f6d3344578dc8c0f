#!/usr/bin/env bash
# How long the local run takes to come up (issue #14: "report the local run's time from the command to 'DealRadar is
# running'"). Runs bin/run as a developer would and measures the wall time from the command to the line "DealRadar is
# running", then stops it as Ctrl-C would (SIGTERM) and waits until it is gone. Each JVM setting gets a data folder of
# its own, because the AOT cache a run trains depends on the setting (with C2 it holds method profiles, which make
# the next start compile early); the settings alternate:
#   1. the first start of each setting (jars built beforehand, so Maven is not timed; a new data folder: H2 databases
#      created, migrated and seeded, AOT caches trained and written at exit),
#   2. ROUNDS restarts of each (AOT caches in place, data kept).
# Settings: "label|JVM options" lines in JVM_SETTINGS (default: bin/run's own options, C1 only, and the same with the
# JDK's default tiers, C1 then C2).
# Uses bin/run's ports (8080-8083, 9080-9083): run it with nothing else on them. Every run stops by itself.
#   bench/local-run.sh     ROUNDS=3 JVM_SETTINGS="label|-XX:...<newline>..."
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$DEALRADAR_ROOT"
ROUNDS="${ROUNDS:-3}"
JVM_SETTINGS="${JVM_SETTINGS:-"bin/run as shipped|$DEALRADAR_LOCAL_RUN_JVM
with C2 (JDK default tiers)|$DEALRADAR_JVM_HEAP"}"
mapfile -t SETTINGS <<<"$JVM_SETTINGS"

for port in 8080 8081 8082 8083 9080 9081 9082 9083; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "port $port is in use: stop what runs there" >&2; exit 1; fi
done
mvn -B -ntp -q package -DskipTests -Dquarkus.profile=local -Dquarkus.package.output-directory=local-app \
  -pl company-service,deal-service,region-service,gateway -am
work=$(mktemp -d /tmp/dealradar-local-run.XXXXXX)
run_pid=""
trap '[ -n "$run_pid" ] && kill -TERM "$run_pid" 2>/dev/null; wait 2>/dev/null || true' EXIT

# start_and_stop DATA_DIR JVM_OPTIONS: prints the milliseconds from the command to "DealRadar is running" and the
# resident memory of the four JVMs together at that moment (MiB), then stops it.
start_and_stop() {
  local data=$1 log="$work/run.out" t0 ms="" rss=""; shift
  mkdir -p "$data"
  : >"$log"
  t0=$(date +%s%N)
  DEALRADAR_DATA_DIR="$data" DEALRADAR_JVM_OPTS="$1" setsid bin/run >"$log" 2>&1 </dev/null &
  run_pid=$!
  for _ in $(seq 1 6000); do
    if grep -q "DealRadar is running" "$log"; then
      ms=$(( ($(date +%s%N) - t0) / 1000000 ))
      rss=$(for pid in $(pgrep -P "$run_pid" java); do awk '/VmRSS/ {print $2}' "/proc/$pid/status"; done \
        | awk '{s += $1} END {printf "%.0f", s / 1024}')
      break
    fi
    kill -0 "$run_pid" 2>/dev/null || break
    sleep 0.05
  done
  kill -TERM "$run_pid" 2>/dev/null || true
  wait "$run_pid" 2>/dev/null || true
  run_pid=""
  [ -n "$ms" ] || { echo "bin/run did not come up:" >&2; tail -20 "$log" >&2; exit 1; }
  echo "$ms $rss"
}

declare -A FIRST=() TIMES=() RSS=()
for i in "${!SETTINGS[@]}"; do
  s=${SETTINGS[$i]}
  echo "First start, ${s%%|*} (new data folder: databases created and seeded, AOT caches trained)..." >&2
  read -r ms _ < <(start_and_stop "$work/data-$i" "${s#*|}")
  [ -n "$ms" ] || exit 1
  FIRST[${s%%|*}]=$ms
done
for r in $(seq 1 "$ROUNDS"); do
  for i in "${!SETTINGS[@]}"; do
    s=${SETTINGS[$i]}
    echo "Restart $r, ${s%%|*}..." >&2
    read -r ms rss < <(start_and_stop "$work/data-$i" "${s#*|}")
    [ -n "$ms" ] || exit 1
    TIMES[${s%%|*}]+="$ms "; RSS[${s%%|*}]+="$rss "
  done
done

echo
echo "DealRadar $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . 2>/dev/null || echo '+uncommitted'), $(nproc) cores, JDK $(java -version 2>&1 | head -1 | cut -d'"' -f2): bin/run, command to \"DealRadar is running\" (four services, H2, ready)"
echo
printf '| %-30s | %15s | %-24s | %14s | %-20s | %s |\n' "JVM setting" "first start ms" "restarts ms (AOT cache)" "restart median" "RSS of 4 JVMs, MiB" "vs the first setting"
echo "|---|---:|---|---:|---|---|"
first_median=""
for s in "${SETTINGS[@]}"; do
  label=${s%%|*}
  median=$(median <<<"${TIMES[$label]}")
  [ -n "$first_median" ] || first_median=$median
  printf '| %-30s | %15s | %-24s | %14s | %-20s | %s |\n' "$label" "${FIRST[$label]}" "${TIMES[$label]}" "$median" "${RSS[$label]}" \
    "$(awk -v a="$median" -v b="$first_median" 'BEGIN { printf "restart %.2fx", a / b }')"
done
echo
echo "JVM options: $(for s in "${SETTINGS[@]}"; do printf '%s = [%s]; ' "${s%%|*}" "${s#*|}"; done)"
rm -rf "$work"
