#!/usr/bin/env bash
# Loopback benchmark of company-service as deployed (packaged jar, prod profile, real PostgreSQL).
# Prints throughput, latency percentiles, start-up time and memory. Traffic goes to 127.0.0.1 only and
# every load step stops by itself after DURATION seconds.
#   bench/run.sh            (DURATION=15 CONNECTIONS=16 THREADS=2 by default)
set -euo pipefail
source "$(dirname "$0")/../bin/lib.sh"
cd "$DEALRADAR_ROOT"
DURATION="${DURATION:-15}"; CONNECTIONS="${CONNECTIONS:-16}"; THREADS="${THREADS:-2}"
PORT=18081; DB=dealradar_bench_company
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }

mvn -B -ntp -q package -DskipTests -pl company-service -am
psql -h 127.0.0.1 -U postgres -qc "drop database if exists $DB with (force)" -c "create database $DB" >/dev/null

log=$(mktemp)
java -Xmx256m -Dquarkus.http.port=$PORT -Dquarkus.http.host=127.0.0.1 \
  -Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:5432/$DB -Dquarkus.datasource.username=postgres \
  -Dquarkus.log.level=WARN -Dquarkus.log.category.\"io.quarkus\".level=INFO \
  -jar company-service/target/quarkus-app/quarkus-run.jar >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done

rss() { awk '/VmRSS/ {printf "%.0f MiB", $2/1024}' "/proc/$pid/status"; }
echo "company-service $(git rev-parse --short HEAD), $(nproc) cores, JDK $(java -version 2>&1 | head -1 | cut -d'"' -f2)"
echo "start-up: $(grep -o 'started in [0-9.]*s' "$log" | head -1), RSS after start: $(rss)"
echo "wrk: ${DURATION}s per step, $CONNECTIONS connections, $THREADS threads, 127.0.0.1"
printf '%-44s %10s %9s %9s %9s\n' "request" "req/s" "p50" "p99" "errors"

step() { # label, wrk args...
  local label="$1"; shift
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$@" >/tmp/wrk.out 2>&1 || true
  local rps p50 p99 errs
  rps=$(awk '/Requests\/sec/ {print $2}' /tmp/wrk.out)
  p50=$(awk '$1=="50%" {print $2}' /tmp/wrk.out)
  p99=$(awk '$1=="99%" {print $2}' /tmp/wrk.out)
  errs=$(awk '/Non-2xx/ {print $5}' /tmp/wrk.out); errs=${errs:-0}
  printf '%-44s %10s %9s %9s %9s\n' "$label" "$rps" "$p50" "$p99" "$errs"
}

URL="http://127.0.0.1:$PORT"
curl -fs "$URL/companies/alibaba-group" >/dev/null
wrk -t1 -c4 -d5s "$URL/companies/alibaba-group" >/dev/null 2>&1 || true   # warm-up (JIT), not reported
step "GET /companies/alibaba-group (detail)" "$URL/companies/alibaba-group"
step "GET /companies?q=ali (prefix search)" "$URL/companies?q=ali"
step "GET /companies?limit=50 (page of 50)" "$URL/companies?limit=50"
step "POST /companies (create)" -s bench/create-company.lua "$URL"
step "GET /companies?limit=50 (after the writes)" "$URL/companies?limit=50"
echo "RSS after load: $(rss)"
echo "companies in the database: $(psql -h 127.0.0.1 -U postgres -d $DB -tAc 'select count(*) from company')"
