#!/usr/bin/env bash
# Prints the Secrets DealRadar's manifests reference, with fresh random values, as YAML for kubectl:
#   bash k8s/secrets.sh dev | kubectl create -f -
# Nothing is written to disk (the keys live only in the output). "dev" adds a self-signed TLS certificate for
# *.dealradar.localhost; in production the certificate comes from cert-manager or your CA, and the other secrets
# from your secret manager under the same names and keys (README, "Secrets"): this script shows what they hold.
# Rotation: README, "Secrets". Needs bash, openssl, base64.
set -euo pipefail
mode="${1:-}"
namespace="${NAMESPACE:-dealradar}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

b64() { base64 -w0; }
password() { openssl rand -base64 48 | tr -dc 'A-Za-z0-9' | head -c 32; }

secret() { # name, type, then key=file pairs
  local name=$1 type=$2; shift 2
  printf -- '---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: %s\n  namespace: %s\n  labels: {app.kubernetes.io/part-of: dealradar}\ntype: %s\ndata:\n' "$name" "$namespace" "$type"
  for pair in "$@"; do
    printf '  %s: %s\n' "${pair%%=*}" "$(b64 < "${pair#*=}")"
  done
}

# One PostgreSQL role per service (and Keycloak); CloudNativePG sets each role's password from its secret.
for role in company deal region gateway keycloak; do
  printf '%s' "$role" > "$work/$role.user"
  password > "$work/$role.password"
  secret "dealradar-db-$role" kubernetes.io/basic-auth "username=$work/$role.user" "password=$work/$role.password"
done

# The gateway signs internal tokens with the private key; the backends verify them with the public key.
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/private.pem" 2>/dev/null
openssl pkey -in "$work/private.pem" -pubout -out "$work/public.pem"
secret dealradar-internal-token Opaque "private.pem=$work/private.pem" "public.pem=$work/public.pem"

password > "$work/redis.password"
secret dealradar-redis Opaque "password=$work/redis.password"

# The key that seals webhook signing secrets at rest (a comma-separated list while rotating; README "Secrets").
openssl rand -base64 32 | tr -d '\n' > "$work/sealing-keys"
secret dealradar-webhooks Opaque "sealing-keys=$work/sealing-keys"

# The secret of the gateway's Keycloak client (dealradar-gateway); the realm import and the gateway both read it.
password > "$work/client-secret"
secret dealradar-keycloak-gateway Opaque "client-secret=$work/client-secret"

# The first admin API key (drk_<8-character prefix>_<256 random bits>); delete the secret once partners exist.
prefix=$(openssl rand 64 | tr -dc 'abcdefghijkmnpqrstuvwxyz23456789' | head -c 8)
[ ${#prefix} -eq 8 ] || prefix=$(openssl rand 256 | tr -dc 'abcdefghijkmnpqrstuvwxyz23456789' | head -c 8)
printf 'drk_%s_%s' "$prefix" "$(openssl rand 32 | base64 -w0 | tr '+/' '-_' | tr -d '=')" > "$work/api-key"
secret dealradar-bootstrap Opaque "api-key=$work/api-key"

if [ "$mode" = dev ]; then
  openssl req -x509 -newkey rsa:2048 -nodes -days 365 -subj "/CN=dealradar.localhost" \
    -addext "subjectAltName=DNS:api.dealradar.localhost,DNS:auth.dealradar.localhost" \
    -keyout "$work/tls.key" -out "$work/tls.crt" 2>/dev/null
  secret dealradar-tls kubernetes.io/tls "tls.crt=$work/tls.crt" "tls.key=$work/tls.key"
fi
