#!/usr/bin/env bash
# Validates openapi/openapi.json with openapi-spec-validator, then generates the Python
# client (package `hushdesk_api_client`, project `hushdesk-api-client`) from it with
# openapi-python-client into a temporary directory. The tools are pinned in
# openapi/client-requirements.txt and installed into the project's test venv.
#
#   openapi/generate-client.sh          replace openapi/client/ with the fresh generation
#   openapi/generate-client.sh --check  exit 1 (showing the diff) when openapi/client/ is
#                                       not what the generator makes from openapi.json
#
# Environment: HUSHDESK_CACHE (default ~/.cache/hushdesk); the venv is $HUSHDESK_CACHE/venv.
set -euo pipefail
cd "$(dirname "$0")/.."

check=0
case "${1:-}" in
  --check) check=1 ;;
  "") ;;
  *) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac

venv="${HUSHDESK_CACHE:-$HOME/.cache/hushdesk}/venv"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install -q -r openapi/client-requirements.txt
# The generator runs ruff (its post hooks) from PATH: use the pinned one.
export PATH="$venv/bin:$PATH"

"$venv/bin/openapi-spec-validator" openapi/openapi.json

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$venv/bin/openapi-python-client" generate --path openapi/openapi.json --meta setup \
  --output-path "$tmp/client" >"$tmp/generate.log" 2>&1 || { cat "$tmp/generate.log" >&2; exit 1; }
if grep -qi 'warning' "$tmp/generate.log"; then
  cat "$tmp/generate.log" >&2
  echo "openapi-python-client warned about openapi/openapi.json; fix the annotations" >&2
  exit 1
fi
rm -rf "$tmp/client/.ruff_cache"

if [ "$check" = 1 ]; then
  if ! diff -ru -x __pycache__ -x .ruff_cache -x '*.egg-info' -x build "$tmp/client" openapi/client; then
    echo "openapi/client/ is stale: run openapi/generate-client.sh and commit the result" >&2
    exit 1
  fi
  echo "openapi/client/ is in step with openapi/openapi.json"
else
  rm -rf openapi/client
  cp -r "$tmp/client" openapi/client
  echo "regenerated openapi/client/"
fi
