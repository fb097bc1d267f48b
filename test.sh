#!/usr/bin/env bash
# Runs every test. Installs what the tests need when it is missing:
#   redis-server (the real-Redis leg), Node.js + npm (the official Twilio helper used to
#   cross-check our signatures and TwiML), and the npm packages in tests/twilio-node.
set -euo pipefail
cd "$(dirname "$0")"

missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]}..."
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

(cd tests/twilio-node && npm ci --no-audit --no-fund --loglevel=error)

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT
status=0
# A hung test fails the run after 10 minutes instead of eating the whole budget.
dotnet test PhoneBridge.sln --configuration Release \
  --blame-hang-timeout 10m \
  --logger "trx" --results-directory "$results" \
  --logger "console;verbosity=normal" "$@" || status=$?

# One closing line over every test project.
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n1)"
  get() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed)))
  skipped=$((skipped + $(get notExecuted)))
done
echo "Tests: $passed passed, $failed failed, $skipped skipped"
exit $status
