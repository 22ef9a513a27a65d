#!/usr/bin/env bash
# Sets up and runs every test of Vigia Mais MT:
#   lint · import rules · type-check · web build and public-bundle check · unit tests · integration tests on embedded
#   PGlite · the same integration tests on a PostgreSQL server · end-to-end tests in Chromium.
# On Debian it installs what is missing (ffmpeg, chromium, GStreamer's RTSP server, PostgreSQL)
# when run as root. TEST_DATABASE_URL names the PostgreSQL server to use
# (default postgres://postgres@127.0.0.1:5432/postgres).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

# Node.js 24: the system one when it is new enough, otherwise the one pinned in tools/node-runtime.
source scripts/ensure-node.sh

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi; }

# --- system packages -------------------------------------------------------------------------
APT_PACKAGES=(ffmpeg chromium postgresql openssl gstreamer1.0-rtsp gstreamer1.0-tools gstreamer1.0-plugins-base
  gstreamer1.0-plugins-good gstreamer1.0-plugins-bad gstreamer1.0-plugins-ugly gstreamer1.0-libav
  python3-gi gir1.2-gst-rtsp-server-1.0 ceph-mon ceph-osd radosgw ceph-common)
missing=()
for p in "${APT_PACKAGES[@]}"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "==> installing Debian packages: ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- PostgreSQL server for the second integration run ----------------------------------------
export TEST_DATABASE_URL=${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}
if ! pg_isready -q -d "$TEST_DATABASE_URL" 2>/dev/null; then
  echo "==> starting PostgreSQL"
  version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1)
  if [ -n "$version" ]; then
    as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  fi
  for _ in $(seq 1 30); do pg_isready -q -d "$TEST_DATABASE_URL" && break; sleep 1; done
  if ! psql "$TEST_DATABASE_URL" -c 'select 1' >/dev/null 2>&1 && [ -n "$version" ]; then
    # A fresh Debian cluster asks for a password on TCP: give the postgres role one for tests.
    as_root su postgres -c "psql -q -c \"ALTER USER postgres PASSWORD 'postgres'\"" && \
      export TEST_DATABASE_URL=postgres://postgres:postgres@127.0.0.1:5432/postgres
  fi
fi
psql "$TEST_DATABASE_URL" -c 'select 1' >/dev/null || { echo "PostgreSQL is not reachable at $TEST_DATABASE_URL" >&2; exit 1; }

# --- npm packages ---------------------------------------------------------------------------
if [ "${CI:-}" = "true" ] || [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "==> npm ci"
  npm ci --no-audit --no-fund
fi

RESULTS=$ROOT/.test-results
rm -rf "$RESULTS" && mkdir -p "$RESULTS"

echo "==> lint and format check (Biome)"
npm run lint

echo "==> import rules (dependency-cruiser)"; npm run deps

echo "==> type-check"
npm run typecheck

echo "==> web build and public-bundle check"
npm -w @vigia/web run build >/dev/null
npm -w @vigia/web run check:bundles

# --- S3-compatible object storage for the recording tests: a throwaway Ceph RGW ---------------
# (scripts/ceph-rgw.sh; in memory, stopped by the trap; tests read S3_TEST_* and start their own
# cluster when these are absent, e.g. a test file run alone).
export CEPH_RGW_DIR=${CEPH_RGW_DIR:-$(mktemp -d /tmp/vigia-ceph-rgw.XXXXXX)}
trap 'bash scripts/ceph-rgw.sh stop >/dev/null 2>&1 || true' EXIT
echo "==> starting Ceph RGW (S3) for the recording tests"
set -a
# shellcheck disable=SC1090
source <(bash scripts/ceph-rgw.sh start)
set +a

status=0
# run SUITE ARGS…: one Vitest run with a JSON report; its exit code is kept for the summary.
run() {
  local suite=$1; shift
  local code=0
  node_modules/.bin/vitest run --reporter=default --reporter=json --outputFile.json="$RESULTS/$suite.json" "$@" || code=$?
  echo "$code" > "$RESULTS/$suite.exit"
  [ "$code" = 0 ] || status=1
}
echo "==> unit tests"
run unit --project unit
# The two integration runs share no state (every test file makes its own database, directories and
# ports) and spend much of their time waiting on real media clocks, so they run side by side; each
# writes its log, shown when both are done. VIGIA_TEST_SERIAL=1 runs them one after the other.
# The multi-node fault test (PostgreSQL only: three media-node processes, 90 cameras, failover gaps
# measured against the issue's limits) is left out of both runs and runs alone afterwards: with the
# other run beside it, a node starved of CPU takes longer to take cameras over than the platform
# does on a machine of its own (it also ran inside the PGlite run until 2026-12-08, where CI once
# measured a kill -STOP gap p95 of 15.002 s against the 15 s limit).
FAULT_TEST=apps/media-node/test/multi-node-failover.test.ts
echo "==> integration tests on embedded PGlite and on PostgreSQL ($TEST_DATABASE_URL)"
if [ "${VIGIA_TEST_SERIAL:-}" = 1 ]; then
  DATABASE_URL= run integration-pglite --project integration
  DATABASE_URL=$TEST_DATABASE_URL run integration-postgres --project integration
else
  (DATABASE_URL= run integration-pglite --project integration --exclude "$FAULT_TEST") >"$RESULTS/integration-pglite.log" 2>&1 &
  pglite_pid=$!
  (DATABASE_URL=$TEST_DATABASE_URL run integration-postgres --project integration --exclude "$FAULT_TEST") \
    >"$RESULTS/integration-postgres.log" 2>&1 &
  postgres_pid=$!
  wait "$pglite_pid" || true
  wait "$postgres_pid" || true
  for suite in integration-pglite integration-postgres; do
    echo "==> $suite"
    cat "$RESULTS/$suite.log"
    [ "$(cat "$RESULTS/$suite.exit" 2>/dev/null || echo 1)" = 0 ] || status=1
  done
  echo "==> multi-node fault test on PostgreSQL, alone"
  DATABASE_URL=$TEST_DATABASE_URL run integration-failover --project integration "$FAULT_TEST"
fi
echo "==> end-to-end tests in Chromium"
DATABASE_URL= run e2e --project e2e

node scripts/test-summary.mjs "$RESULTS" || status=1
exit $status
