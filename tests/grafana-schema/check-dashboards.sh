#!/usr/bin/env bash
# Type-checks Grafana dashboard JSON files against Grafana's published dashboard model (@grafana/schema)
# with the TypeScript compiler, both pinned in package-lock.json.
#   tests/grafana-schema/check-dashboards.sh [dir with *.json]     default: alerts/out/grafana
# Exit 0: every dashboard matches; 1: type errors (printed, file:line pointing into generated/*.ts);
# 2: node/npm missing or the install failed.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
json_dir="$(cd "${1:-$here/../../alerts/out/grafana}" && pwd)"

for tool in node npm; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "check-dashboards: $tool not found; install Node.js 18+ with npm (e.g. apt-get install nodejs npm)" >&2
    exit 2
  fi
done
cd "$here"
if [ ! -x node_modules/.bin/tsc ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error >&2 || { echo "check-dashboards: npm ci failed" >&2; exit 2; }
fi
node generate.mjs "$json_dir" generated
if node_modules/.bin/tsc -p tsconfig.json; then
  echo "check-dashboards: $(ls generated/*.ts | wc -l) dashboards match @grafana/schema $(node -p "require('./node_modules/@grafana/schema/package.json').version")"
else
  echo "check-dashboards: dashboards in $json_dir do not match Grafana's dashboard model (see the errors above)" >&2
  exit 1
fi
