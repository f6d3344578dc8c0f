#!/usr/bin/env bash
# The loopback benchmark of DealRadar (issue #14). One command, one run, one table:
#   - the packaged jars (prod profile) on the real PostgreSQL and Redis, started by this script;
#   - a single company read three ways side by side: company-service called directly (with a gateway-style
#     internal token signed here with the DEV-ONLY key), the same backend behind nginx (Debian's nginx-light, a thin
#     keep-alive reverse proxy), the same behind a plain Vert.x proxy (bench/PlainVertxProxy.java: the gateway's own
#     Vert.x and Netty with nothing else, what a proxy hop costs on the JVM), and the DealRadar gateway with an API key
#     (authentication, rate limiting, internal token, backend call), once counting rate limits in memory and once in
#     Redis;
#   - the deal dossier (composite) at one client against its slowest backend call at one client;
#   - writes through the gateway: create-company with and without Idempotency-Key, deal status changes;
#   - start-up (launch to the first successful answer) and resident memory per service, with the JDK 25 AOT cache
#     (trained by this script's preparation run when missing or older than the jar).
# Prints every ratio next to its goal. Traffic goes to 127.0.0.1 only; every step stops by itself (wrk -d).
#   bench/run.sh     DURATION=10 CONNECTIONS=32 THREADS=2 WARMUP=20 ROUNDS=2 AOT=1 SKIP_BUILD=0 JVM_OPTS="..." ACCESS_LOG=true
#   PROFILE_GATEWAY="-XX:StartFlightRecording=filename=/tmp/gw.jfr,settings=profile" adds JVM options to the gateway
#   that counts in memory (JFR: then `jfr print --events jdk.ExecutionSample /tmp/gw.jfr`).
# Then the start-up of the services as their images run them, with and without the image's AOT cache
# (bench/image-start.sh; IMAGE_START=0 skips it), and the scale scenarios (1M deals, search plans: bench/scale.sh, at
# the end when present; SCALE=0 skips them).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$DEALRADAR_ROOT"
DURATION="${DURATION:-10}"; CONNECTIONS="${CONNECTIONS:-32}"; THREADS="${THREADS:-2}"; AOT="${AOT:-1}"
# The JIT keeps compiling for tens of seconds under load (C2 threads were still busy after 40 s of reads): each read
# target gets WARMUP seconds first, and the five single-read legs run ROUNDS times, interleaved, averaged in the table.
WARMUP="${WARMUP:-20}"; ROUNDS="${ROUNDS:-2}"
SHORT=$(( DURATION / 2 > 3 ? DURATION / 2 : 3 ))
# Heap settings measured by this benchmark (bin/lib.sh; README, "Measured figures"); bin/run uses them too, with C1 only.
JVM_OPTS="${JVM_OPTS:-$BENCH_JVM_OPTS}"
ACCESS_LOG="${ACCESS_LOG:-true}"

need wrk wrk
need nginx nginx-light
need openssl openssl

MODULES=(company-service deal-service region-service gateway)
[ "${SKIP_BUILD:-0}" = 1 ] || mvn -B -ntp -q package -DskipTests -pl "$(IFS=,; echo "${MODULES[*]}")" -am

KEY="drk_benchkey_$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32)"
declare -A PORT=([company-service]=18081 [deal-service]=18082 [region-service]=18083 [gateway]=18080 [gateway-redis]=18090)
declare -A PID=() READY=() RSS_START=()
work=$(mktemp -d /tmp/dealradar-bench.XXXXXX)
NGINX_PORT=18070 VERTX_PORT=18075
cleanup() {
  # (nginx -s stop, at the end, returns before nginx removes its pid file)
  { [ -f "$work/nginx/nginx.pid" ] && kill "$(cat "$work/nginx/nginx.pid")"; } 2>/dev/null || true
  for p in "${PID[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT

aot_file() { echo "$DEALRADAR_ROOT/$1/target/quarkus-app/app.aot"; }
aot_fresh() { local f; f=$(aot_file "$1"); [ -s "$f" ] && [ "$f" -nt "$DEALRADAR_ROOT/$1/target/quarkus-app/quarkus-run.jar" ]; }

# start NAME MODULE MODE [extra -D...]: MODE is plain, train (writes the AOT cache at exit) or run (uses it).
start() {
  local name=$1 module=$2 mode=$3; shift 3
  local port=${PORT[$name]} db="dealradar_bench_${name//-/_}" aot=()
  case "$mode" in
    train) aot=(-XX:AOTCacheOutput="$(aot_file "$module")") ;;
    run) if [ "$AOT" = 1 ] && aot_fresh "$module"; then aot=(-XX:AOTCache="$(aot_file "$module")"); fi ;;
  esac
  local log=false; [ "$module" = gateway ] && log=$ACCESS_LOG
  local t0; t0=$(date +%s%N)
  # shellcheck disable=SC2086
  java $JVM_OPTS "${aot[@]}" -Dquarkus.http.port="$port" -Dquarkus.http.host=127.0.0.1 \
    -Dquarkus.management.port=$((port + 1000)) -Dquarkus.management.host=127.0.0.1 -Ddealradar.access.allow-dev-keys=true \
    -Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:5432/$db" -Dquarkus.datasource.username=postgres \
    -Dquarkus.http.access-log.enabled="$log" "$@" -jar "$module/target/quarkus-app/quarkus-run.jar" >"$work/$name.$mode.log" 2>&1 &
  PID[$name]=$!
  if await_ready "http://127.0.0.1:$((port + 1000))/q/health/ready" "${PID[$name]}" 60; then
    READY[$name]=$(( ($(date +%s%N) - t0) / 1000000 )); RSS_START[$name]=$(rss "${PID[$name]}"); return
  fi
  echo "$name did not start; see $work/$name.$mode.log" >&2; tail -20 "$work/$name.$mode.log" >&2; exit 1
}
stop_all() { for n in "${!PID[@]}"; do kill "${PID[$n]}" 2>/dev/null || true; done; for n in "${!PID[@]}"; do wait "${PID[$n]}" 2>/dev/null || true; done; PID=(); }

GW_COMMON=(-Ddealradar.gateway.backends.company-service.url=http://127.0.0.1:18081
  -Ddealradar.gateway.backends.deal-service.url=http://127.0.0.1:18082
  -Ddealradar.gateway.backends.region-service.url=http://127.0.0.1:18083
  -Dquarkus.redis.hosts=redis://127.0.0.1:6379 -Ddealradar.security.bootstrap-api-key="$KEY"
  -Ddealradar.rate-limit.plans.internal.limit=100000000 -Ddealradar.rate-limit.redis-key-prefix="dealradar:bench:$$:"
  -Dquarkus.oidc.tenant-enabled=false)
URLS=(-Dquarkus.rest-client.company-service.url=http://127.0.0.1:18081 -Dquarkus.rest-client.region-service.url=http://127.0.0.1:18083)
REGION_URLS=(-Dquarkus.rest-client.company-service.url=http://127.0.0.1:18081 -Dquarkus.rest-client.deal-service.url=http://127.0.0.1:18082)
start_suite() { # mode
  start company-service company-service "$1"
  start deal-service deal-service "$1" "${URLS[@]}"
  start region-service region-service "$1" "${REGION_URLS[@]}"
  start gateway gateway "$1" "${GW_COMMON[@]}" -Ddealradar.rate-limit.store=memory ${PROFILE_GATEWAY:+$PROFILE_GATEWAY}
  # (one JVM per jar writes the AOT cache)
  start gateway-redis gateway "$([ "$1" = train ] && echo plain || echo "$1")" "${GW_COMMON[@]}" -Ddealradar.rate-limit.store=redis
}

G=http://127.0.0.1:18080; GR=http://127.0.0.1:18090; C=http://127.0.0.1:18081; N=http://127.0.0.1:$NGINX_PORT
DEAL=0c049119-0caf-5496-a4b8-018a0642ac37
quiet_load() { wrk -t1 -c4 -d"$1" -H "X-API-Key: $KEY" "${@:2}" >/dev/null 2>&1 || true; }

# Preparation: fresh databases, migrations and seed data; when the AOT cache is missing or stale, this run trains it
# (the JVM writes it when the process ends). The measured start-ups below are restarts on these databases.
for name in company-service deal-service region-service gateway gateway-redis; do
  db="dealradar_bench_${name//-/_}"
  psql -h 127.0.0.1 -U postgres -qc "drop database if exists $db with (force)" -c "create database $db" >/dev/null 2>&1
done
prep=plain; if [ "$AOT" = 1 ]; then for m in "${MODULES[@]}"; do aot_fresh "$m" || prep=train; done; fi
echo "Preparing (databases, seed data$([ $prep = train ] && echo ', training the AOT cache'))..." >&2
start_suite "$prep"
quiet_load 4s "$G/api/v1/companies/alibaba-group"; quiet_load 3s "$G/api/v1/deals/$DEAL/dossier"
quiet_load 2s "$G/api/v1/companies?q=ali"; quiet_load 2s -s bench/create-company.lua "$G/api/v1"
stop_all
echo "Starting the suite for the measurements..." >&2
start_suite run

COMPANY=$(curl -fs -H "X-API-Key: $KEY" "$G/api/v1/companies/alibaba-group" | sed 's/^{"id":"\([^"]*\)".*/\1/')
[[ "$COMPANY" =~ ^[0-9a-f-]{36}$ ]] || { echo "could not read the bench company's id" >&2; exit 1; }

# A gateway-style internal token (what the gateway sends the backends) for the direct and nginx legs. Tokens live
# 60 s, so each leg gets a fresh one.
token() { bootstrap_token; }

mkdir -p "$work/nginx"
cat >"$work/nginx/nginx.conf" <<EOF
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 4096; }
http {
  access_log $work/nginx/access.log;
  client_body_temp_path $work/nginx; proxy_temp_path $work/nginx; fastcgi_temp_path $work/nginx;
  uwsgi_temp_path $work/nginx; scgi_temp_path $work/nginx;
  upstream company { server 127.0.0.1:18081; keepalive 64; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / { proxy_pass http://company; proxy_http_version 1.1; proxy_set_header Connection ""; }
  }
}
EOF
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" -e "$work/nginx/error.log"
# The JVM reference hop: the gateway's Vert.x and Netty jars, run from source, same JVM options, no AOT cache.
# shellcheck disable=SC2086
java $JVM_OPTS -cp "gateway/target/quarkus-app/lib/main/*" bench/PlainVertxProxy.java "$VERTX_PORT" "${PORT[company-service]}" \
  >"$work/vertx-proxy.log" 2>&1 &
PID[vertx-proxy]=$!
V="http://127.0.0.1:$VERTX_PORT"
for _ in $(seq 1 500); do curl -s -o /dev/null "$V/q/health/ready" && break; sleep 0.05; done

# ---- the measurements -------------------------------------------------------------------------------------------
declare -A RPS=() P50=() P99=() ERR=() CPU=()
# leg ID CONNECTIONS SECONDS wrk-args...: runs wrk and keeps req/s, p50, p99 (ms) and errors (non-2xx/3xx + socket
# errors); with CPU_OF=<service> also that process's CPU time per request (ms), the cost of one request to it.
leg() {
  local id=$1 c=$2 d=$3; shift 3
  local t=$THREADS; [ "$c" -lt "$t" ] && t=$c
  local before=""; [ -n "${CPU_OF:-}" ] && before=$(cpu_ticks "${PID[$CPU_OF]}")
  wrk -t"$t" -c"$c" -d"${d}s" --latency "$@" >"$work/$id.wrk" 2>&1 || true
  RPS[$id]=$(awk '/Requests\/sec/ {printf "%.0f", $2}' "$work/$id.wrk")
  P50[$id]=$(ms "$(awk '$1=="50%" {print $2}' "$work/$id.wrk")")
  P99[$id]=$(ms "$(awk '$1=="99%" {print $2}' "$work/$id.wrk")")
  ERR[$id]=$(awk '/Non-2xx/ {n+=$5} /Socket errors/ {gsub(",","");for(i=1;i<=NF;i++) if ($i ~ /^[0-9]+$/) n+=$i} END {print n+0}' "$work/$id.wrk")
  if [ -n "$before" ]; then
    CPU[$id]=$(per_request "$before" "$(cpu_ticks "${PID[$CPU_OF]}")" "$(awk '/requests in/ {print $1}' "$work/$id.wrk")")
  fi
}
# average ID ROUND-IDS...: the mean of the rounds' figures (errors summed).
average() {
  local id=$1; shift
  local r; for m in RPS P50 P99 CPU; do
    declare -n map=$m
    map[$id]=$(for r in "$@"; do echo "${map[$r]:-}"; done | awk 'NF {s += $1; n++} END { if (n) printf (s / n >= 100 ? "%.0f" : "%.2f"), s / n }')
  done
  ERR[$id]=$(for r in "$@"; do echo "${ERR[$r]:-0}"; done | awk '{s += $1} END {print s + 0}')
}
auth() { echo "Authorization: Bearer $(token)"; }
KH="X-API-Key: $KEY"

echo "Warming up (JIT), not reported..." >&2
for target in "$C/companies/$COMPANY|$(auth)" "$N/companies/$COMPANY|$(auth)" "$V/companies/$COMPANY|$(auth)" \
    "$G/api/v1/companies/$COMPANY|$KH" "$GR/api/v1/companies/$COMPANY|$KH"; do
  wrk -t2 -c16 -d"${WARMUP}s" -H "${target#*|}" "${target%%|*}" >/dev/null 2>&1 || true
done
# The dossier's parts first, called directly (a dossier alone calls each about a hundred times a second, and the JIT
# of the backends was still compiling them after its 20 s: in a trial the CPU per dossier fell from 25-34 to 8-9 ms
# with this), then the dossier.
participants=$(curl -fs -H "$(auth)" "http://127.0.0.1:18082/deals/$DEAL" | grep -o '"companyId":"[^"]*"' | cut -d'"' -f4 | sort -u | paste -sd, | sed 's/,/%2C/g')
PARTS=("http://127.0.0.1:18082/deals/$DEAL" "$C/companies?ids=$participants&limit=200"
  "http://127.0.0.1:18083/regulatory-matters?dealId=$DEAL&limit=200" "http://127.0.0.1:18083/certifications?companyId=$participants&limit=200")
for target in "${PARTS[@]}"; do wrk -t2 -c8 -d"$(( WARMUP / 2 ))s" -H "$(auth)" "$target" >/dev/null 2>&1 || true; done
for target in "$GR/api/v1/deals/$DEAL/dossier" "$G/api/v1/deals/$DEAL/dossier"; do
  wrk -t2 -c16 -d"${WARMUP}s" -H "$KH" "$target" >/dev/null 2>&1 || true
done

echo "Measuring..." >&2
for r in $(seq 1 "$ROUNDS"); do
  CPU_OF=company-service leg "direct.$r" "$CONNECTIONS" "$DURATION" -H "$(auth)" "$C/companies/$COMPANY"
  CPU_OF=company-service leg "nginx.$r" "$CONNECTIONS" "$DURATION" -H "$(auth)" "$N/companies/$COMPANY"
  CPU_OF=vertx-proxy leg "vertx.$r" "$CONNECTIONS" "$DURATION" -H "$(auth)" "$V/companies/$COMPANY"
  CPU_OF=gateway leg "gw_mem.$r" "$CONNECTIONS" "$DURATION" -H "$KH" "$G/api/v1/companies/$COMPANY"
  CPU_OF=gateway-redis leg "gw_redis.$r" "$CONNECTIONS" "$DURATION" -H "$KH" "$GR/api/v1/companies/$COMPANY"
done
for id in direct nginx vertx gw_mem gw_redis; do average "$id" $(seq -f "$id.%g" 1 "$ROUNDS"); done
leg direct_1 1 "$SHORT" -H "$(auth)" "$C/companies/$COMPANY"
leg gw_redis_1 1 "$SHORT" -H "$KH" "$GR/api/v1/companies/$COMPANY"
# The dossier's backend calls, as the gateway makes them (deal; then participants' companies, matters, certifications).
CPU_OF=deal-service leg part_deal 1 "$SHORT" -H "$(auth)" "${PARTS[0]}"
CPU_OF=company-service leg part_companies 1 "$SHORT" -H "$(auth)" "${PARTS[1]}"
CPU_OF=region-service leg part_matters 1 "$SHORT" -H "$(auth)" "${PARTS[2]}"
CPU_OF=region-service leg part_certs 1 "$SHORT" -H "$(auth)" "${PARTS[3]}"
# What one dossier costs the machine: every process's CPU time during the one-client leg. However parallel its reads,
# on N cores a dossier cannot answer sooner than that total divided by N: the floor of its ratio to the slowest part.
DOSSIER_COSTS=(gateway-redis company-service deal-service region-service postgres redis)
pids_of() { case $1 in postgres) pgrep -x postgres ;; redis) pgrep -x redis-server ;; *) echo "${PID[$1]}" ;; esac; }
ticks_of() { local n=0 p t; for p in $(pids_of "$1"); do t=$(cpu_ticks "$p" 2>/dev/null) && n=$((n + t)); done; echo "$n"; }
declare -A DOSSIER_TICKS=() DOSSIER_CPU=()
for n in "${DOSSIER_COSTS[@]}"; do DOSSIER_TICKS[$n]=$(ticks_of "$n"); done
leg dossier_1 1 "$SHORT" -H "$KH" "$GR/api/v1/deals/$DEAL/dossier"
for n in "${DOSSIER_COSTS[@]}"; do
  DOSSIER_CPU[$n]=$(per_request "${DOSSIER_TICKS[$n]}" "$(ticks_of "$n")" "$(awk '/requests in/ {print $1}' "$work/dossier_1.wrk")")
done
leg dossier 16 "$DURATION" -H "$KH" "$GR/api/v1/deals/$DEAL/dossier"
leg create 16 "$DURATION" -H "$KH" -s bench/create-company.lua "$GR/api/v1"
leg create_idem 16 "$DURATION" -H "$KH" -s bench/create-company.lua "$GR/api/v1" -- idempotent
wrk -t2 -c8 -d"$SHORT"s -H "$KH" -s bench/create-deal.lua "$GR/api/v1" -- "$COMPANY" "$work/deals" >/dev/null 2>&1 || true
leg status 16 "$DURATION" -H "$KH" -s bench/status-change.lua "$GR/api/v1" -- "$work/deals" 2
deals_made=$(cat "$work"/deals-*.txt 2>/dev/null | wc -l)
# gzip at the gateway (gateway ResponseCompression): one page of 100 companies, plain and to a client that accepts gzip.
CPU_OF=gateway-redis leg page_plain 16 "$DURATION" -H "$KH" "$GR/api/v1/companies?limit=100"
CPU_OF=gateway-redis leg page_gzip 16 "$DURATION" -H "$KH" -H "Accept-Encoding: gzip" "$GR/api/v1/companies?limit=100"
# answer_bytes ID: bytes a leg's answers took on the wire, each (wrk's Transfer/sec over its req/s).
answer_bytes() {
  awk -v rps="${RPS[$1]:-0}" '/Transfer\/sec/ { v = $2; m = 1; if (v ~ /KB$/) m = 1024; else if (v ~ /MB$/) m = 1048576; else if (v ~ /GB$/) m = 1073741824
    sub(/[KMG]?B$/, "", v); if (rps > 0) printf "%.0f", v * m / rps }' "$work/$1.wrk"
}

declare -A RSS_LOAD=()
for n in "${!PID[@]}"; do RSS_LOAD[$n]=$(rss "${PID[$n]}"); done

# ---- the table ---------------------------------------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
verdict() { awk -v r="$1" -v g="$2" -v op="$3" 'BEGIN { if (r == "-") print "?"; else if ((op == ">=" && r >= g) || (op == "<=" && r <= g)) print "met"; else print "MISSED" }'; }
row() { printf '| %-58s | %7s | %8s | %8s | %6s | %s |\n' "$1" "${RPS[$2]:--}" "${P50[$2]:--}" "${P99[$2]:--}" "${ERR[$2]:--}" "${3:-}"; }
goal() { local r; r=$1; printf '%s (goal %s %s: %s)' "$r" "$3" "$2" "$(verdict "$r" "$2" "$3")"; }
slowest=part_deal; for p in part_companies part_matters part_certs; do
  awk -v a="${P50[$p]}" -v b="${P50[$slowest]}" 'BEGIN { exit !(a > b) }' && slowest=$p; done

echo
echo "DealRadar $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . 2>/dev/null || echo '+uncommitted'), $(nproc) cores, JDK $(java -version 2>&1 | head -1 | cut -d'"' -f2), wrk ${DURATION}s legs (${SHORT}s at one client), $THREADS threads, 127.0.0.1"
echo "Single-read legs: ${WARMUP}s warm-up per target, then $ROUNDS interleaved rounds, averaged; CPU ms/request: the served process's CPU time (company-service for direct and nginx, the proxy for the others) per request"
echo "JVM: $JVM_OPTS$([ "$AOT" = 1 ] && echo ' -XX:AOTCache=app.aot'); gateway access log $ACCESS_LOG; nginx $(nginx -v 2>&1 | cut -d/ -f2) (keep-alive upstream, access log on)"
echo
printf '| %-58s | %7s | %8s | %8s | %6s | %s |\n' "leg ($CONNECTIONS connections unless said)" "req/s" "p50 ms" "p99 ms" "errors" "ratio (goal)"
echo "|---|---:|---:|---:|---:|---|"
row "company-service directly (internal token)" direct "company-service CPU ${CPU[direct]:-?} ms/request"
row "nginx in front of company-service" nginx "company-service CPU ${CPU[nginx]:-?} ms/request"
row "plain Vert.x proxy in front of it (JVM hop, reference)" vertx "throughput $(ratio "${RPS[vertx]}" "${RPS[direct]}") of direct; p50 $(ratio "${P50[vertx]}" "${P50[nginx]}")x nginx; proxy CPU ${CPU[vertx]:-?} ms/request"
row "gateway, API key, rate limit in memory" gw_mem "throughput $(goal "$(ratio "${RPS[gw_mem]}" "${RPS[direct]}")" 0.8 '>=') of direct; p50 $(goal "$(ratio "${P50[gw_mem]}" "${P50[nginx]}")" 1.3 '<=')x nginx; gateway CPU ${CPU[gw_mem]:-?} ms/request"
row "gateway, API key, rate limit in Redis" gw_redis "throughput $(goal "$(ratio "${RPS[gw_redis]}" "${RPS[direct]}")" 0.8 '>=') of direct; p50 $(goal "$(ratio "${P50[gw_redis]}" "${P50[nginx]}")" 1.3 '<=')x nginx; gateway CPU ${CPU[gw_redis]:-?} ms/request"
row "company-service directly, 1 connection" direct_1
row "gateway (Redis), 1 connection" gw_redis_1 "adds $(awk -v a="${P50[gw_redis_1]}" -v b="${P50[direct_1]}" 'BEGIN{printf "%.2f", a-b}') ms to p50"
row "dossier part: GET deal-service /deals/{id}, 1 conn." part_deal "CPU ${CPU[part_deal]:-?} ms/request"
row "dossier part: GET company-service /companies?ids=, 1 conn." part_companies "CPU ${CPU[part_companies]:-?} ms/request"
row "dossier part: GET region-service matters, 1 conn." part_matters "CPU ${CPU[part_matters]:-?} ms/request"
row "dossier part: GET region-service certifications, 1 conn." part_certs "CPU ${CPU[part_certs]:-?} ms/request"
row "GET /api/v1/deals/{id}/dossier (gateway), 1 connection" dossier_1 "p50 $(goal "$(ratio "${P50[dossier_1]}" "${P50[$slowest]}")" 1.3 '<=')x slowest part (${slowest#part_})"
row "GET /api/v1/deals/{id}/dossier (gateway), 16 connections" dossier
row "POST /api/v1/companies, 16 connections" create
row "POST /api/v1/companies + Idempotency-Key, 16 connections" create_idem "throughput $(ratio "${RPS[create_idem]}" "${RPS[create]}") of without the key (reported)"
row "POST /api/v1/deals/{id}/status-changes, 16 connections" status "$deals_made deals walked rumored->abandoned (reported)"
row "GET /api/v1/companies?limit=100 (gateway), 16 connections" page_plain "$(answer_bytes page_plain) bytes an answer; gateway CPU ${CPU[page_plain]:-?} ms/request"
row "the same with Accept-Encoding: gzip" page_gzip "$(answer_bytes page_gzip) bytes an answer, $(ratio "$(answer_bytes page_gzip)" "$(answer_bytes page_plain)") of plain; throughput $(ratio "${RPS[page_gzip]}" "${RPS[page_plain]}") of plain; gateway CPU ${CPU[page_gzip]:-?} ms/request (reported)"
dossier_total=$(for n in "${DOSSIER_COSTS[@]}"; do echo "${DOSSIER_CPU[$n]:-0}"; done | awk '{s += $1} END {printf "%.2f", s}')
dossier_floor=$(awk -v t="$dossier_total" -v c="$(nproc)" 'BEGIN {printf "%.2f", t / c}')
echo
echo "One dossier at one client cost $dossier_total ms of CPU: $(for n in "${DOSSIER_COSTS[@]}"; do printf '%s %s, ' "$n" "${DOSSIER_CPU[$n]:-?}"; done | sed 's/, $//')."
echo "On $(nproc) cores no dossier answers sooner than $dossier_floor ms, $(ratio "$dossier_floor" "${P50[$slowest]}")x the slowest part: the lowest ratio this machine allows (measured: $(ratio "${P50[dossier_1]}" "${P50[$slowest]}")x)."
echo
printf '| %-16s | %-28s | %16s | %15s | %s |\n' service "ready (first answer) ms" "RSS after start" "RSS after load" "goal: < 1000 ms, < 200 MiB after load"
echo "|---|---:|---:|---:|---|"
for n in company-service deal-service region-service gateway gateway-redis; do
  v1=$(awk -v r="${READY[$n]}" 'BEGIN{print (r < 1000) ? "met" : "MISSED"}'); v2=$(awk -v r="${RSS_LOAD[$n]}" 'BEGIN{print (r < 200) ? "met" : "MISSED"}')
  printf '| %-16s | %28s | %12s MiB | %11s MiB | start %s, memory %s |\n' "$n" "${READY[$n]}" "${RSS_START[$n]}" "${RSS_LOAD[$n]}" "$v1" "$v2"
done
echo
echo "wrk outputs and service logs: $work"

stop_all
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" -s stop 2>/dev/null || true

# ---- the images' start (issue #14, "Start-up": bench/image-start.sh) --------------------------------------------
if [ "${IMAGE_START:-1}" = 1 ]; then
  echo; echo "Start-up as the images run the services, with and without the AOT cache the image build trains (bench/image-start.sh):"
  SKIP_BUILD=1 bench/image-start.sh
else
  echo "(image start-up not measured: IMAGE_START=0)"
fi

# ---- scale (issue #14, "Scale": bench/scale.sh, built separately) ------------------------------------------------
if [ "${SCALE:-1}" = 1 ] && [ -x bench/scale.sh ]; then
  echo; echo "Scale scenarios (bench/scale.sh):"
  SKIP_BUILD=1 bench/scale.sh
else
  echo "(scale scenarios not run: bench/scale.sh missing, or SCALE=0)"
fi
