#!/usr/bin/env bash
# Checks the committed contract: (1) Redocly lint with no errors, (2) TypeScript types generated from it
# with openapi-typescript, and a small typed client (client/example.ts) that type-checks with tsc.
# Exits non-zero on the first failure. Run from anywhere: contract/check.sh
set -euo pipefail
cd "$(dirname "$0")"
CONTRACT=openapi.json
step() { printf '\n== %s\n' "$*"; }
fail() { printf '\nCONTRACT CHECK FAILED: %s\n' "$*" >&2; exit 1; }

command -v npm >/dev/null || fail "npm is not installed (node 20+ and npm are needed)"
[ -f "$CONTRACT" ] || fail "$CONTRACT is missing: run mvn -pl gateway -am verify -Dcontract.update=true (README, Tests)"

step "npm ci (pinned @redocly/cli, openapi-typescript, typescript)"
npm ci --no-audit --no-fund --loglevel=error >/dev/null || fail "npm ci failed"

step "redocly lint $CONTRACT"
npx --no-install redocly lint "$CONTRACT" --format=stylish || fail "redocly lint reported errors"

step "openapi-typescript $CONTRACT -> client/schema.d.ts"
npx --no-install openapi-typescript "$CONTRACT" -o client/schema.d.ts || fail "openapi-typescript could not generate types"

step "tsc --noEmit (client/example.ts against the generated types)"
npx --no-install tsc --noEmit -p client/tsconfig.json || fail "the example client does not type-check against the contract"

printf '\nContract OK: lint clean, types generated, example client type-checks.\n'
