# Sourced by the bench scripts. internal_token CLAIMS [LIFETIME]: a token as the gateway signs them for the backends
# (RS256, issuer and audience of the gateway, iat and exp LIFETIME s apart, default 60) with CLAIMS (JSON members),
# signed with the LOCAL DEVELOPMENT key, which the services accept only with dealradar.access.allow-dev-keys=true.
# Backends refuse tokens that live longer than 120 s, so a long step asks for a fresh one.
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
internal_token() {
  local claims=$1 lifetime=${2:-60} now header payload
  now=$(date +%s)
  header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
  payload=$(printf '{"iss":"https://dealradar.dev/gateway","aud":["company-service","deal-service","region-service"],%s,"iat":%s,"exp":%s}' \
    "$claims" "$now" $((now + lifetime)) | b64url)
  printf '%s.%s.%s' "$header" "$payload" "$(printf '%s.%s' "$header" "$payload" \
    | openssl dgst -sha256 -sign "$DEALRADAR_ROOT/gateway/src/main/resources/dealradar/internal-token-DEV-ONLY.key" | b64url)"
}
# The bench's caller: the bootstrap API key's identity, as the gateway would describe it.
bootstrap_token() {
  internal_token '"sub":"bootstrap","upn":"bootstrap","groups":["viewer","analyst","admin"],"dr_auth":"api_key","dr_key":"bootstrap","jti":"bench-'"$(date +%s%N)"'"'
}
