#!/usr/bin/env bash
# Sets up and starts Vigia Mais MT on embedded defaults (PGlite under ./data, port 3000).
#   bash scripts/start.sh            # start
#   DEMO=1 bash scripts/start.sh     # start with one demo user per role and sample data
#   DEMO=1 DEMO_CAMERAS=9 bash scripts/start.sh   # … and 9 simulated cameras (GStreamer) plus one PTZ camera
# Every variable of the configuration table in the README can be set the same way.
set -euo pipefail
cd "$(dirname "$0")/.."

# Node.js 24: the system one when it is new enough, otherwise the one pinned in tools/node-runtime.
source scripts/ensure-node.sh

# System packages from Debian: ffmpeg (snapshots, exports, masks) always; GStreamer's RTSP server
# when simulated cameras are requested (DEMO_CAMERAS=N). Installed when missing and we may.
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi; }
need=()
command -v ffmpeg >/dev/null || need+=(ffmpeg)
if [ "${DEMO_CAMERAS:-0}" != 0 ]; then
  for p in gstreamer1.0-rtsp gstreamer1.0-plugins-good gstreamer1.0-plugins-bad gstreamer1.0-plugins-ugly \
    gstreamer1.0-libav python3-gi gir1.2-gst-rtsp-server-1.0; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || need+=("$p")
  done
fi
if [ ${#need[@]} -gt 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian packages: ${need[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null || \
    echo "Could not install ${need[*]}: snapshots/exports (ffmpeg) or simulated cameras (GStreamer) will not work." >&2
fi

# Install dependencies when missing or when the lock file changed since the last install.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

# Build the web app when it is missing or older than its sources.
if [ ! -f apps/web/dist/index.html ] || [ -n "$(find apps/web/src apps/web/index.html apps/web/app.html packages/contracts/src -newer apps/web/dist/index.html -print -quit)" ]; then
  npm -w @vigia/web run build
fi

# DEMO=1 without a gov.br configuration: a local gov.br (real OIDC provider, demo citizens of each
# reliability level) on 127.0.0.1:3900, and the app pointed at it (docs/citizen-services.md).
if [ "${DEMO:-}" = 1 ] && [ -z "${GOVBR_ISSUER:-}" ]; then
  export GOVBR_ISSUER="http://127.0.0.1:${GOVBR_DEV_PORT:-3900}" GOVBR_CLIENT_ID=vigia-mais-mt-demo GOVBR_CLIENT_SECRET=segredo-do-cliente-demo-govbr
  export GOVBR_REDIRECT_URI="${PUBLIC_URL:-http://127.0.0.1:${PORT:-3000}}/api/citizen/auth/callback"
  node_modules/.bin/tsx packages/testkit/src/govbr-provider-main.ts &
  govbr_pid=$!
  trap 'kill "$govbr_pid" 2>/dev/null || true' EXIT
  node_modules/.bin/tsx apps/server/src/main.ts
  exit $?
fi

# Simulated cameras come with one simulated PTZ camera unless DEMO_PTZ=off.
if [ "${DEMO_CAMERAS:-0}" != 0 ]; then export DEMO_PTZ=${DEMO_PTZ:-on}; fi
exec node_modules/.bin/tsx apps/server/src/main.ts
