#!/usr/bin/env bash
# What a backend's build or settings cost per request, side by side (issue #14; bench/MEASUREMENTS.md, "At scale" and
# "The images' heap"). One packaged backend per setting runs at once on the same database (loopback, each on its own
# ports); after WARMUP s of reads at 4 connections each, wrk reads PATH_QUERY from each in turn for DURATION s at
# CONNECTIONS, TURNS times, and one line per setting and turn gives req/s, p50, p99, the service's CPU time per request
# and its resident memory after the turn (both from /proc).
# The CPU time one request costs drifts by up to 3x within minutes on this kind of machine for every process alike, so
# only lines of the same turn compare.
#   bench/backend-settings.sh   MODULE=company-service DB=dealradar_scale_company PATH_QUERY="/companies?q=telv&limit=20"
#                               CONNECTIONS=1 WARMUP=30 DURATION=10 TURNS=3
#                               SETTINGS="label|app dir (empty: MODULE/target/quarkus-app)|-D... (after the bench's JVM options)|memory and GC options (empty: the bench's, bin/lib.sh; NAME=value words are set in the JVM's environment)<newline>..."
# Examples (the measurements the README quotes):
#   the name search, two builds:  SETTINGS="before|/tmp/before/company-service/target/quarkus-app|<newline>after||"
#   the connection pool at 32:    CONNECTIONS=32 WARMUP=20 TURNS=2 SETTINGS="pool 20||-Dquarkus.datasource.jdbc.max-size=20<newline>pool 8||"
#   the collector:                SETTINGS="G1||-XX:MaxRAM=512m|-XX:MaxRAMPercentage=50 -XX:InitialRAMPercentage=50 -XX:+UseG1GC<newline>serial||-XX:MaxRAM=512m|-XX:MaxRAMPercentage=50 -XX:+UseSerialGC"
#   glibc's arenas:               SETTINGS="image||-XX:MaxRAM=512m|-XX:MaxRAMPercentage=50 -XX:+UseSerialGC<newline>2 arenas||-XX:MaxRAM=512m|MALLOC_ARENA_MAX=2 -XX:MaxRAMPercentage=50 -XX:+UseSerialGC"
# The database must exist (bench/scale.sh builds dealradar_scale_*, bench/run.sh dealradar_bench_*). Every step stops
# by itself.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$DEALRADAR_ROOT"
MODULE="${MODULE:-company-service}"; DB="${DB:-dealradar_scale_company}"; PATH_QUERY="${PATH_QUERY:-/companies?q=telv&limit=20}"
CONNECTIONS="${CONNECTIONS:-1}"; WARMUP="${WARMUP:-30}"; DURATION="${DURATION:-10}"; TURNS="${TURNS:-3}"
SETTINGS="${SETTINGS:-as built||}"
need wrk wrk
psql -h 127.0.0.1 -U postgres -d "$DB" -qc 'select 1' >/dev/null 2>&1 \
  || { echo "database $DB is missing: run bench/scale.sh or bench/run.sh first" >&2; exit 1; }
work=$(mktemp -d /tmp/dealradar-backend-settings.XXXXXX)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true' EXIT

labels=(); declare -A PORT_OF PID_OF
n=0
while IFS='|' read -r label app opts memory; do
  [ -n "$label" ] || continue
  app="${app:-$MODULE/target/quarkus-app}"; port=$((28191 + n)); n=$((n + 1))
  environment=(); jvm_memory=()
  for word in ${memory:-$DEALRADAR_JVM_HEAP}; do
    if [[ $word =~ ^[A-Z_][A-Z0-9_]*= ]]; then environment+=("$word"); else jvm_memory+=("$word"); fi
  done
  # shellcheck disable=SC2086 # JVM options are lists of flags
  env "${environment[@]}" java "${jvm_memory[@]}" $BENCH_LOG_MANAGER $opts -Dquarkus.http.port=$port -Dquarkus.http.host=127.0.0.1 \
    -Dquarkus.management.port=$((port + 1000)) -Dquarkus.management.host=127.0.0.1 -Ddealradar.access.allow-dev-keys=true \
    -Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:5432/$DB" -Dquarkus.datasource.username=postgres \
    -Dquarkus.http.access-log.enabled=false -Ddealradar.seed.enabled=false -Ddealradar.clearance-check.enabled=false \
    -jar "$app/quarkus-run.jar" >"$work/$n.log" 2>&1 &
  pids+=($!); labels+=("$label"); PORT_OF[$label]=$port; PID_OF[$label]=$!
  await_ready "http://127.0.0.1:$((port + 1000))/q/health/ready" "$!" 120 \
    || { echo "$label did not start; see $work/$n.log" >&2; exit 1; }
done <<<"$SETTINGS"

token() { internal_token '"sub":"settings-bench","upn":"settings-bench","groups":["viewer"],"dr_auth":"oidc"' 110; }
for label in "${labels[@]}"; do
  wrk -t1 -c4 -d"${WARMUP}s" -H "Authorization: Bearer $(token)" "http://127.0.0.1:${PORT_OF[$label]}$PATH_QUERY" >/dev/null 2>&1 || true
done
echo "$MODULE on $DB, GET $PATH_QUERY, $CONNECTIONS connection(s), $DURATION s per turn, DealRadar $(git rev-parse --short HEAD)"
printf '%-24s %5s %9s %9s %9s %14s %9s\n' setting turn req/s "p50 ms" "p99 ms" "CPU ms/req" "RSS MiB"
for turn in $(seq 1 "$TURNS"); do
  for label in "${labels[@]}"; do
    pid=${PID_OF[$label]}; before=$(cpu_ticks "$pid")
    out=$(wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "Authorization: Bearer $(token)" \
      "http://127.0.0.1:${PORT_OF[$label]}$PATH_QUERY" 2>&1 || true)
    after=$(cpu_ticks "$pid"); requests=$(awk '/requests in/ {print $1}' <<<"$out")
    printf '%-24s %5s %9s %9s %9s %14s %9s\n' "$label" "$turn" "$(awk '/Requests\/sec/ {printf "%.0f", $2}' <<<"$out")" \
      "$(ms "$(awk '$1=="50%" {print $2}' <<<"$out")")" "$(ms "$(awk '$1=="99%" {print $2}' <<<"$out")")" \
      "$(per_request "$before" "$after" "${requests:-0}")" "$(rss "$pid")"
  done
done
