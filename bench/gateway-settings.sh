#!/usr/bin/env bash
# What the gateway's settings cost per proxied read (issue #14). The packaged backends and one gateway per setting
# (rate limits in memory, access log on, each on its own port and database copy) run side by side; after a warm-up,
# wrk reads one company through each gateway in turn (A B C ..., B C ... A, DURATION s each, TURNS times), and the
# table gives, per setting, the median of: req/s, the gateway's CPU time per request and company-service's CPU time
# per request (both from /proc), and their quotient. On this kind of machine the CPU time one request costs drifts by
# up to 3x within minutes for every process alike (seen here: company-service 0.8-2.8 ms for the same read), so
# only figures taken in the same minutes compare, and the quotient (gateway per backend) is the steadiest of them.
#   bench/gateway-settings.sh     BACKEND_WARMUP=60 WARMUP=20 DURATION=5 TURNS=5 GATEWAY_SETTINGS="label|-D...<newline>..."
#                                 CONNECTIONS=32 GATEWAY_PATH=/api/v1/deals/0c049119-0caf-5496-a4b8-018a0642ac37/dossier
# GATEWAY_PATH: what is read through each gateway (default: the bench company by id); on a composite the
# company-service column is that service's share of it.
# Needs the packaged jars and the databases bench/run.sh prepared (run it once first). Loopback only; every step stops
# by itself.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$DEALRADAR_ROOT"
BACKEND_WARMUP="${BACKEND_WARMUP:-60}"; WARMUP="${WARMUP:-20}"; DURATION="${DURATION:-5}"; TURNS="${TURNS:-5}"
JVM_OPTS="${JVM_OPTS:-$BENCH_JVM_OPTS}"
for db in company_service deal_service region_service gateway; do # (the gateways use copies of the last)
  psql -h 127.0.0.1 -U postgres -d "dealradar_bench_$db" -qc 'select 1' >/dev/null 2>&1 \
    || { echo "database dealradar_bench_$db is missing: run bench/run.sh first" >&2; exit 1; }
done
KEY="drk_benchkey_$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32)"
declare -A PORT=([company-service]=18081 [deal-service]=18082 [region-service]=18083) PID=()
work=$(mktemp -d /tmp/dealradar-gateway-settings.XXXXXX)
trap 'for p in "${PID[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true' EXIT

start() { # NAME [extra -D...]: NAME is a module, or gateway-N (the gateway's jar on port 18100+10N, its own database)
  local name=$1 module=${1%%-[0-9]*} port=${PORT[$1]} aot=(); shift
  local app="${APP_DIR:-$module/target/quarkus-app}" # APP_DIR: another build's quarkus-app folder (a setting's third field)
  [ -s "$app/app.aot" ] && aot=(-XX:AOTCache="$app/app.aot")
  # shellcheck disable=SC2086
  java $JVM_OPTS "${aot[@]}" -Dquarkus.http.port="$port" -Dquarkus.http.host=127.0.0.1 \
    -Dquarkus.management.port=$((port + 1000)) -Dquarkus.management.host=127.0.0.1 -Ddealradar.access.allow-dev-keys=true \
    -Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:5432/dealradar_bench_${name//-/_}" \
    -Dquarkus.datasource.username=postgres -Dquarkus.http.access-log.enabled="$([ "$module" = gateway ] && echo true || echo false)" \
    "$@" -jar "$app/quarkus-run.jar" >"$work/$name.log" 2>&1 &
  PID[$name]=$!
  await_ready "http://127.0.0.1:$((port + 1000))/q/health/ready" "${PID[$name]}" 60 && return
  echo "$name did not start; see $work/$name.log" >&2; exit 1
}

start company-service
start deal-service -Dquarkus.rest-client.company-service.url=http://127.0.0.1:18081 \
  -Dquarkus.rest-client.region-service.url=http://127.0.0.1:18083
start region-service -Dquarkus.rest-client.company-service.url=http://127.0.0.1:18081 \
  -Dquarkus.rest-client.deal-service.url=http://127.0.0.1:18082

# A gateway-style internal token, to warm the backend up.
token() { bootstrap_token; }
C=http://127.0.0.1:18081
company=$(curl -fs -H "Authorization: Bearer $(token)" "$C/companies/alibaba-group" | sed 's/^{"id":"\([^"]*\)".*/\1/')
[[ "$company" =~ ^[0-9a-f-]{36}$ ]] || { echo "could not read the bench company's id" >&2; exit 1; }
GATEWAY_PATH="${GATEWAY_PATH:-/api/v1/companies/$company}"; CONNECTIONS="${CONNECTIONS:-32}"
echo "Warming up company-service (${BACKEND_WARMUP}s of direct reads)..." >&2
for _ in $(seq 1 $(( (BACKEND_WARMUP + 29) / 30 ))); do
  wrk -t2 -c32 -d30s -H "Authorization: Bearer $(token)" "$C/companies/$company" >/dev/null 2>&1 || true
done

# One "label|JVM options" per line, or "label|JVM options|quarkus-app folder" to run another build of the gateway (say,
# the commit before a change: `git worktree add /tmp/before REV && (cd /tmp/before && mvn -q package -DskipTests -pl
# gateway -am)`, then "before|-Dx=y|/tmp/before/gateway/target/quarkus-app"); GATEWAY_SETTINGS replaces the list (the
# first line is the reference). A folder's app.aot is used when present: give every setting the same (copy a folder
# without it) when the comparison must not depend on it.
mapfile -t SETTINGS < <(printf '%s\n' "${GATEWAY_SETTINGS:-as shipped|
console written by a logging thread (async)|-Dquarkus.log.console.async.enabled=true
tracing SDK off (as shipped: on, sampler 0)|-Dquarkus.otel.sdk.disabled=true
access log in the 'common' pattern|-Dquarkus.http.access-log.pattern=common
no access log|-Dquarkus.http.access-log.enabled=false}" | awk 'NF')
echo "Starting ${#SETTINGS[@]} gateways and warming them up..." >&2
for i in "${!SETTINGS[@]}"; do
  db="dealradar_bench_gateway_setting_$i"
  psql -h 127.0.0.1 -U postgres -qc "drop database if exists $db with (force)" \
    -c "create database $db template dealradar_bench_gateway" >/dev/null
  PORT[gateway-$i]=$((18100 + 10 * i))
  options=${SETTINGS[$i]#*|} app=""
  [[ "$options" == *"|"* ]] && { app=${options#*|}; options=${options%%|*}; }
  # shellcheck disable=SC2086
  APP_DIR="$app" start "gateway-$i" -Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:5432/$db" \
    -Ddealradar.gateway.backends.company-service.url=http://127.0.0.1:18081 \
    -Ddealradar.gateway.backends.deal-service.url=http://127.0.0.1:18082 \
    -Ddealradar.gateway.backends.region-service.url=http://127.0.0.1:18083 -Dquarkus.redis.hosts=redis://127.0.0.1:6379 \
    -Ddealradar.security.bootstrap-api-key="$KEY" -Ddealradar.rate-limit.plans.internal.limit=100000000 \
    -Dquarkus.oidc.tenant-enabled=false -Ddealradar.rate-limit.store=memory $options
done
for i in "${!SETTINGS[@]}"; do
  wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -H "X-API-Key: $KEY" "http://127.0.0.1:${PORT[gateway-$i]}$GATEWAY_PATH" >/dev/null 2>&1 || true
done
echo "Measuring (${TURNS} turns of ${#SETTINGS[@]} x ${DURATION}s)..." >&2
declare -A RPS=() GCPU=() CCPU=() RATIO=()
for turn in $(seq 1 "$TURNS"); do
  # Each turn starts one setting later (with TURNS = the number of settings, every setting is measured once in every
  # position): the first leg of a turn measured higher than the others, whatever its setting.
  for j in "${!SETTINGS[@]}"; do
    i=$(( (j + turn - 1) % ${#SETTINGS[@]} ))
    g0=$(cpu_ticks "${PID[gateway-$i]}"); c0=$(cpu_ticks "${PID[company-service]}")
    wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" -H "X-API-Key: $KEY" "http://127.0.0.1:${PORT[gateway-$i]}$GATEWAY_PATH" >"$work/wrk" 2>&1 || true
    grep -q "Non-2xx\|Socket errors" "$work/wrk" && { echo "errors through gateway-$i: $work/wrk" >&2; cat "$work/wrk" >&2; exit 1; }
    n=$(awk '/requests in/ {print $1}' "$work/wrk")
    g=$(per_request "$g0" "$(cpu_ticks "${PID[gateway-$i]}")" "$n"); c=$(per_request "$c0" "$(cpu_ticks "${PID[company-service]}")" "$n")
    RPS[$i]+="$(awk '/Requests\/sec/ {printf "%.0f", $2}' "$work/wrk") "; GCPU[$i]+="$g "; CCPU[$i]+="$c "
    RATIO[$i]+="$(awk -v g="$g" -v c="$c" 'BEGIN { printf "%.2f", g / c }') "
  done
done
echo
echo "| gateway setting (medians of $TURNS turns) | req/s | gateway CPU ms/request | company-service CPU ms/request | gateway / company-service |"
echo "|---|---:|---:|---:|---:|"
for i in "${!SETTINGS[@]}"; do
  printf '| %s | %s | %s | %s | %s |\n' "${SETTINGS[$i]%%|*}" "$(median <<<"${RPS[$i]}")" "$(median <<<"${GCPU[$i]}")" \
    "$(median <<<"${CCPU[$i]}")" "$(median <<<"${RATIO[$i]}")"
done
echo "(every turn, in the order of the settings: $(for i in "${!SETTINGS[@]}"; do printf '%s: %s/ ' "$i" "${RATIO[$i]}"; done)logs in $work)"
