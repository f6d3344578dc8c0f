#!/usr/bin/env bash
# Loopback benchmark of DealRadar as deployed: the packaged jars (prod profile) on the real PostgreSQL and
# Redis, every request through the gateway with an API key (authentication, rate limiting, internal token,
# backend call). Prints throughput, latency percentiles, start-up times and memory.
# Traffic goes to 127.0.0.1 only; every load step stops by itself after DURATION seconds.
#   bench/run.sh            (DURATION=15 CONNECTIONS=16 THREADS=2 by default)
set -euo pipefail
source "$(dirname "$0")/../bin/lib.sh"
cd "$DEALRADAR_ROOT"
DURATION="${DURATION:-15}"; CONNECTIONS="${CONNECTIONS:-16}"; THREADS="${THREADS:-2}"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
KEY="drk_benchkey_$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32)"

[ "${SKIP_BUILD:-}" = 1 ] || mvn -B -ntp -q package -DskipTests -pl company-service,deal-service,region-service,gateway -am

declare -A PORT=([company-service]=18081 [deal-service]=18082 [region-service]=18083 [gateway]=18080)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
logdir=$(mktemp -d)
start() { # module, extra -D options...
  local module=$1; shift
  local db="dealradar_bench_${module%-service}"
  psql -h 127.0.0.1 -U postgres -qc "drop database if exists $db with (force)" -c "create database $db" >/dev/null 2>&1
  java -Xmx256m -Dquarkus.http.port="${PORT[$module]}" -Dquarkus.http.host=127.0.0.1 \
    -Dquarkus.management.port=$((PORT[$module] + 1000)) -Dquarkus.management.host=127.0.0.1 -Ddealradar.access.allow-dev-keys=true \
    -Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:5432/$db" -Dquarkus.datasource.username=postgres \
    -Dquarkus.http.access-log.enabled=false "$@" -jar "$module/target/quarkus-app/quarkus-run.jar" >"$logdir/$module.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$((PORT[$module] + 1000))/q/health/ready" >/dev/null 2>&1 && return; sleep 0.5; done
  echo "$module did not start; see $logdir/$module.log" >&2; exit 1
}
urls="-Dquarkus.rest-client.company-service.url=http://127.0.0.1:18081 -Dquarkus.rest-client.region-service.url=http://127.0.0.1:18083"
start company-service
start deal-service $urls
start region-service
start gateway -Ddealradar.gateway.backends.company-service.url=http://127.0.0.1:18081 \
  -Ddealradar.gateway.backends.deal-service.url=http://127.0.0.1:18082 \
  -Ddealradar.gateway.backends.region-service.url=http://127.0.0.1:18083 \
  -Dquarkus.redis.hosts=redis://127.0.0.1:6379 -Ddealradar.security.bootstrap-api-key="$KEY" \
  -Ddealradar.rate-limit.plans.internal.limit=100000000 -Ddealradar.rate-limit.redis-key-prefix="dealradar:bench:$$:" \
  -Dquarkus.oidc.tenant-enabled=false

rss() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }
echo "DealRadar $(git rev-parse --short HEAD), $(nproc) cores, JDK $(java -version 2>&1 | head -1 | cut -d'"' -f2), wrk ${DURATION}s per step, $CONNECTIONS connections, $THREADS threads, 127.0.0.1"
for m in company-service deal-service region-service gateway; do
  printf '  %-16s %s, RSS after start %s MiB\n' "$m" "$(grep -o 'started in [0-9.]*s' "$logdir/$m.log" | head -1)" "$(rss "$(pgrep -f "$m/target/quarkus-app" | head -1)")"
done
printf '%-52s %10s %9s %9s %8s\n' "request (all through the gateway, X-API-Key)" "req/s" "p50" "p99" "non-2xx"
step() { # label, path or -s script
  local label="$1"; shift
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "X-API-Key: $KEY" "$@" >/tmp/wrk.out 2>&1 || true
  printf '%-52s %10s %9s %9s %8s\n' "$label" "$(awk '/Requests\/sec/ {print $2}' /tmp/wrk.out)" \
    "$(awk '$1=="50%" {print $2}' /tmp/wrk.out)" "$(awk '$1=="99%" {print $2}' /tmp/wrk.out)" \
    "$(awk '/Non-2xx/ {print $5}' /tmp/wrk.out | grep . || echo 0)"
}
G=http://127.0.0.1:18080
wrk -t1 -c4 -d5s -H "X-API-Key: $KEY" "$G/api/v1/companies/alibaba-group" >/dev/null 2>&1 || true   # JIT warm-up, not reported
wrk -t1 -c4 -d5s -H "X-API-Key: $KEY" "$G/api/v1/deals/0c049119-0caf-5496-a4b8-018a0642ac37/dossier" >/dev/null 2>&1 || true
step "GET /api/v1/companies/alibaba-group" "$G/api/v1/companies/alibaba-group"
step "GET /api/v1/companies?q=ali" "$G/api/v1/companies?q=ali"
step "GET /api/v1/deals?limit=20" "$G/api/v1/deals?limit=20"
step "GET /api/v1/deals/{id}/dossier (4 backend reads)" "$G/api/v1/deals/0c049119-0caf-5496-a4b8-018a0642ac37/dossier"
step "GET /api/v1/companies/alibaba-group/profile" "$G/api/v1/companies/alibaba-group/profile"
step "POST /api/v1/companies (create)" -s bench/create-company.lua "$G/api/v1"
echo "RSS after load (MiB):$(for m in company-service deal-service region-service gateway; do printf ' %s %s' "$m" "$(rss "$(pgrep -f "$m/target/quarkus-app" | head -1)")"; done)"
