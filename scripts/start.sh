#!/usr/bin/env bash
# Sets up and starts Vigia Mais MT on embedded defaults (PGlite under ./data, port 3000).
#   bash scripts/start.sh            # start
#   DEMO=1 bash scripts/start.sh     # start with one demo user per role and sample data
# Every variable of the configuration table in the README can be set the same way.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v node >/dev/null || [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 20 ]; then
  echo "Node.js 20 or newer is required (Debian: apt-get install nodejs npm, or use nodesource)." >&2
  exit 1
fi

# Install dependencies when missing or when the lock file changed since the last install.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

# Build the web app when it is missing or older than its sources.
if [ ! -f apps/web/dist/index.html ] || [ -n "$(find apps/web/src apps/web/index.html apps/web/app.html packages/contracts/src -newer apps/web/dist/index.html -print -quit)" ]; then
  npm -w @vigia/web run build
fi

exec node_modules/.bin/tsx apps/server/src/main.ts
