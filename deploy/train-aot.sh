#!/usr/bin/env bash
# Trains the JDK AOT cache of one DealRadar service: the image build runs it (deploy/Dockerfile, stage "train"), and
# system-tests (ImageAotCacheTest) runs it on the build machine against the packaged jar.
#
#   deploy/train-aot.sh <quarkus-app dir> <PostgreSQL bin dir> [<cache file>, default <quarkus-app dir>/app.aot]
#
# The cache must be written by the JVM that will read it, for the jars at the paths they will have, with the flags
# the service will run with: so it is trained in the image, at /deployments, with the image's $JAVA_OPTS. A service
# does not start without its database (Flyway migrates it at start), so the run gets a private PostgreSQL: initdb into
# a temporary directory, trust authentication, loopback only, as the postgres user (PostgreSQL refuses root), gone when
# the run ends. The service starts in its production profile (the local-development keys allowed for this run only:
# nothing of the configuration goes into the cache, which holds classes and JDK objects), is read until it answers,
# asked a few requests (health, its OpenAPI document, an API read without credentials: the 401 problem path), then
# stopped with SIGTERM; the JVM writes the cache as it exits. Fails unless the cache was written.
set -euo pipefail

app=$(cd "$1" && pwd)
pg_bin=$2
cache=${3:-$app/app.aot}
http_port=${TRAIN_HTTP_PORT:-18980}
management_port=${TRAIN_MANAGEMENT_PORT:-18990}
pg_port=${TRAIN_PG_PORT:-18932}

work=$(mktemp -d /tmp/dealradar-aot-train.XXXXXX)
chown postgres:postgres "$work"
as_postgres() { runuser -u postgres -- "$@"; }
service_pid=
cleanup() {
  [ -n "$service_pid" ] && kill "$service_pid" 2>/dev/null || true
  as_postgres "$pg_bin/pg_ctl" -D "$work/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

as_postgres "$pg_bin/initdb" -D "$work/data" -A trust -U postgres >/dev/null
as_postgres "$pg_bin/pg_ctl" -D "$work/data" -l "$work/postgres.log" -w \
  -o "-p $pg_port -k $work -c listen_addresses=127.0.0.1" start >/dev/null
as_postgres "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -qc "create database dealradar" >/dev/null

rm -f "$cache"
# shellcheck disable=SC2086 # JAVA_OPTS is a list of flags, as in the image's ENTRYPOINT
java ${JAVA_OPTS:-} -XX:AOTCacheOutput="$cache" \
  -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$http_port" \
  -Dquarkus.management.host=127.0.0.1 -Dquarkus.management.port="$management_port" \
  -Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:$pg_port/dealradar" \
  -Dquarkus.datasource.username=postgres -Dquarkus.datasource.password= \
  -Ddealradar.access.allow-dev-keys=true -Dquarkus.oidc.tenant-enabled=false \
  -jar "$app/quarkus-run.jar" >"$work/service.log" 2>&1 &
service_pid=$!

ready=
for _ in $(seq 1 600); do
  if curl -fs -o /dev/null "http://127.0.0.1:$management_port/q/health/ready"; then ready=1; break; fi
  kill -0 "$service_pid" 2>/dev/null || break
  sleep 0.2
done
if [ -z "$ready" ]; then
  echo "train-aot: the service did not become ready; its log:" >&2
  tail -40 "$work/service.log" >&2
  exit 1
fi
for _ in 1 2 3; do
  curl -s -o /dev/null "http://127.0.0.1:$management_port/q/health"
  curl -s -o /dev/null "http://127.0.0.1:$http_port/q/openapi"
  curl -s -o /dev/null "http://127.0.0.1:$http_port/api/v1/companies?limit=1"
  curl -s -o /dev/null "http://127.0.0.1:$http_port/companies?limit=1"
done

kill -TERM "$service_pid"
status=0
wait "$service_pid" || status=$?
service_pid=
if [ ! -s "$cache" ]; then
  echo "train-aot: no AOT cache was written (the service exited with $status); its log:" >&2
  tail -40 "$work/service.log" >&2
  exit 1
fi
echo "train-aot: $(basename "$app") -> $cache ($(($(stat -c %s "$cache") / 1048576)) MiB)"
