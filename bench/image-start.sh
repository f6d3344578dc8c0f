#!/usr/bin/env bash
# Start-up of the services as their image runs them (deploy/Dockerfile: its JAVA_OPTS, and the JDK AOT cache that
# deploy/train-aot.sh trains in the image build), with and without that cache, side by side in one run (issue #14:
# "each service ready in under 1 s on the JVM using the JDK 25 AOT cache; train it in the build").
# For each service: trains the cache as the image build does (into target/image-bench.aot, with the image's flags),
# then starts the packaged jar ROUNDS times with and ROUNDS times without it, alternating, on a PostgreSQL database of
# its own that a first start migrated and seeded (so each measured start is a pod restarting), and times the launch to
# the first successful readiness answer (its management port's /q/health/ready); it also reads the resident memory
# then. -XX:MaxRAM gives the JVM the pods' memory limit (k8s/base: 512 MiB), as the container's cgroup would.
# Loopback only (ports 18280-18281, 19280-19281); every start is stopped before the next.
#   bench/image-start.sh     ROUNDS=3 SERVICES="company-service deal-service region-service gateway" SKIP_BUILD=1
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$DEALRADAR_ROOT"
ROUNDS="${ROUNDS:-3}"
SERVICES="${SERVICES:-company-service deal-service region-service gateway}"
POD_MEMORY="${POD_MEMORY:-512m}"
PG_BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)}"
need curl curl
[ "${SKIP_BUILD:-0}" = 1 ] || mvn -B -ntp -q package -DskipTests -pl company-service,deal-service,region-service,gateway -am

IMAGE_OPTS=$(sed -n 's/^ARG JAVA_OPTS="\(.*\)"$/\1/p' deploy/Dockerfile)
[ -n "$IMAGE_OPTS" ] || { echo "no ARG JAVA_OPTS=\"...\" in deploy/Dockerfile" >&2; exit 1; }
PORT=18280 MANAGEMENT=19280
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null || true' EXIT

# start_once MODULE DB [JVM flags...]: prints "<ms to ready> <RSS MiB>" and stops the service.
start_once() {
  local module=$1 db=$2 t0 ms=""; shift 2
  t0=$(date +%s%N)
  # shellcheck disable=SC2086 # the image's JAVA_OPTS is a list of flags
  java $IMAGE_OPTS -XX:MaxRAM="$POD_MEMORY" "$@" \
    -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port=$PORT \
    -Dquarkus.management.host=127.0.0.1 -Dquarkus.management.port=$MANAGEMENT \
    -Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:5432/$db" -Dquarkus.datasource.username=postgres \
    -Ddealradar.access.allow-dev-keys=true -Dquarkus.oidc.tenant-enabled=false \
    -jar "$module/target/quarkus-app/quarkus-run.jar" >"/tmp/dealradar-image-start.$module.log" 2>&1 &
  pid=$!
  if await_ready "http://127.0.0.1:$MANAGEMENT/q/health/ready" "$pid" 120; then
    ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  fi
  local memory; memory=$(rss "$pid" 2>/dev/null || echo "?")
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; pid=""
  [ -n "$ms" ] || { echo "$module did not start; see /tmp/dealradar-image-start.$module.log" >&2; exit 1; }
  echo "$ms $memory"
}

printf '| service | training (train-aot.sh) | ready with the image cache, ms | median | ready without, ms | median | ratio | RSS with / without, MiB |\n'
printf '|---|---:|---|---:|---|---:|---:|---|\n'
for module in $SERVICES; do
  cache="$module/target/image-bench.aot"
  t0=$(date +%s%N)
  JAVA_OPTS="$IMAGE_OPTS" TRAIN_HTTP_PORT=$PORT TRAIN_MANAGEMENT_PORT=$MANAGEMENT \
    bash deploy/train-aot.sh "$module/target/quarkus-app" "$PG_BIN" "$cache" >/dev/null
  trained=$(( ($(date +%s%N) - t0) / 1000 ))
  db="dealradar_bench_image_${module//-/_}"
  PGOPTIONS='--client-min-messages=warning' psql -h 127.0.0.1 -U postgres -qc "drop database if exists $db with (force)" -c "create database $db" >/dev/null
  start_once "$module" "$db" >/dev/null # migrates and seeds
  with=() without=() rss_with="" rss_without=""
  for _ in $(seq 1 "$ROUNDS"); do
    read -r ms memory < <(start_once "$module" "$db" -XX:AOTCache="$cache" -XX:AOTMode=on) || exit 1
    with+=("$ms"); rss_with+="$memory "
    read -r ms memory < <(start_once "$module" "$db") || exit 1
    without+=("$ms"); rss_without+="$memory "
  done
  mw=$(echo "${with[*]}" | median) mo=$(echo "${without[*]}" | median)
  printf '| %s | %.1f s | %s | %s | %s | %s | %.2f | %s/ %s|\n' "$module" "$(awk -v u="$trained" 'BEGIN {print u / 1000000}')" \
    "${with[*]}" "$mw" "${without[*]}" "$mo" "$(awk -v a="$mw" -v b="$mo" 'BEGIN {print a / b}')" "$rss_with" "$rss_without"
  rm -f "$cache"
done
echo "(goal: each service ready in under 1 s; measured on $(nproc) cores, $(date -u +%F), commit $(git rev-parse --short HEAD))"
