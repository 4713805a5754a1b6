#!/bin/sh
# Lints the OpenAPI description that OpenApiDocumentIT wrote in this build, with Redocly CLI at the version
# package-lock.json pins (installed by `npm ci` from the npm registry, run by the machine's Node; .ci/run installs
# Debian's nodejs and npm where they are missing). Any error or warning fails the build. The file is removed after,
# so that a later build that does not run the IT never lints an old one.
set -eu
cd "$(dirname "$0")/../.."
spec=target/openapi.json
if [ ! -f "$spec" ]; then
  echo "[openapi] $spec was not written in this build (OpenApiDocumentIT did not run): nothing to lint"
  exit 0
fi
for tool in node npm npx; do
  command -v "$tool" >/dev/null 2>&1 || { echo "[openapi] $tool is missing: apt-get install nodejs npm" >&2; exit 1; }
done
if ! cmp -s package-lock.json node_modules/.aftercare-lock 2>/dev/null; then
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.aftercare-lock
fi
# no usage data sent, no update check
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
out=target/openapi-lint.txt
status=0
npx --no-install @redocly/cli lint --config redocly.yaml "$spec" >"$out" 2>&1 || status=$?
cat "$out"
rm -f "$spec"
if [ "$status" -ne 0 ] || grep -Eqi "[1-9][0-9]* warnings?\b" "$out"; then
  echo "[openapi] the OpenAPI description has lint errors or warnings (above)" >&2
  exit 1
fi
echo "[openapi] lint: 0 errors, 0 warnings"
