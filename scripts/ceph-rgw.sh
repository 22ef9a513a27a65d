#!/usr/bin/env bash
# Throwaway single-node Ceph (Debian's Pacific 16.2: ceph-mon, ceph-osd, radosgw, ceph-common) for
# the tests that need a real S3 server: one monitor, one in-memory OSD (memstore), one RADOS
# Gateway on 127.0.0.1, no cephx, no manager (not needed for S3). Everything lives in one temp dir.
#
#   scripts/ceph-rgw.sh start   # prints KEY=value lines (also written to $CEPH_RGW_DIR/env)
#   scripts/ceph-rgw.sh stop    # kills the daemons of that dir and removes it
#   scripts/ceph-rgw.sh status
#
# Variables: CEPH_RGW_DIR (default /tmp/vigia-ceph-rgw), CEPH_RGW_PORT (default: a free port),
# CEPH_RGW_MEMSTORE_MB (OSD capacity, held in RAM; default 2048).
# Output: S3_TEST_ENDPOINT, S3_TEST_ACCESS_KEY, S3_TEST_SECRET_KEY, S3_TEST_REGION, CEPH_RGW_DIR.
set -euo pipefail

DIR=${CEPH_RGW_DIR:-/tmp/vigia-ceph-rgw}
ACCESS_KEY=vigiatestaccesskey
SECRET_KEY=vigiatestsecretkey0000000000000000000000
CONF=$DIR/ceph.conf

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
answers() { python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=2)' "$1" 2>/dev/null; }
new_uuid() { cat /proc/sys/kernel/random/uuid; }

stop() {
  [ -d "$DIR" ] || return 0
  local pids=()
  for f in "$DIR"/run/*.pid; do [ -f "$f" ] && pids+=("$(cat "$f")"); done
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for _ in $(seq 1 50); do
    local alive=0
    for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && alive=1; done
    [ $alive = 0 ] && break
    sleep 0.1
  done
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  rm -rf "$DIR"
}

status() {
  [ -f "$DIR/env" ] || { echo "not running"; return 1; }
  # shellcheck disable=SC1091
  source "$DIR/env"
  answers "$S3_TEST_ENDPOINT" && cat "$DIR/env"
}

start() {
  for b in ceph-mon ceph-osd radosgw radosgw-admin monmaptool ceph; do
    command -v "$b" >/dev/null || { echo "ceph-rgw: $b is missing (apt-get install ceph-mon ceph-osd radosgw ceph-common)" >&2; exit 1; }
  done
  if [ -f "$DIR/env" ] && status >/dev/null 2>&1; then cat "$DIR/env"; return 0; fi
  stop
  mkdir -p "$DIR"/{run,log,mon/ceph-a,osd/ceph-0}
  local fsid mon_port rgw_port osd_uuid
  fsid=$(new_uuid)
  mon_port=$(free_port)
  rgw_port=${CEPH_RGW_PORT:-$(free_port)}
  cat >"$CONF" <<EOF
[global]
fsid = $fsid
mon host = v2:127.0.0.1:$mon_port
mon initial members = a
auth cluster required = none
auth service required = none
auth client required = none
auth supported = none
ms bind msgr1 = false
ms mon client mode = crc
run dir = $DIR/run
pid file = $DIR/run/\$name.pid
admin socket = $DIR/run/\$name.asok
log file = $DIR/log/\$name.log
keyring = /dev/null
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
mon allow pool size one = true
mon allow pool delete = true
mon warn on pool no redundancy = false
osd crush chooseleaf type = 0
# Small and quiet: 2 shared cores.
debug ms = 0
debug mon = 0
debug osd = 0
debug rgw = 0
mon osd down out interval = 0
[mon]
mon data = $DIR/mon/\$cluster-\$id
mon cluster log file = $DIR/log/cluster.log
[osd]
osd data = $DIR/osd/\$cluster-\$id
osd objectstore = memstore
memstore device bytes = $(( ${CEPH_RGW_MEMSTORE_MB:-2048} * 1024 * 1024 ))
osd op num shards = 1
osd op num threads per shard = 2
[client.rgw.a]
rgw frontends = beast endpoint=127.0.0.1:$rgw_port
rgw data = $DIR/rgw
ms mon client mode = crc
rgw thread pool size = 32
rgw dns name = 127.0.0.1
rgw enable usage log = false
rgw dynamic resharding = false
rgw lc debug interval = 10
rgw gc obj min wait = 60
EOF
  mkdir -p "$DIR/rgw"
  monmaptool --create --fsid "$fsid" --addv a "[v2:127.0.0.1:$mon_port]" "$DIR/monmap" >/dev/null
  ceph-mon -c "$CONF" --mkfs -i a --monmap "$DIR/monmap" >"$DIR/log/mkfs.log" 2>&1
  ceph-mon -c "$CONF" -i a 2>>"$DIR/log/start.log"
  osd_uuid=$(new_uuid)
  local id
  id=$(timeout 30 ceph -c "$CONF" osd new "$osd_uuid")
  ceph-osd -c "$CONF" -i "$id" --mkfs --osd-uuid "$osd_uuid" >>"$DIR/log/mkfs.log" 2>&1
  ceph-osd -c "$CONF" -i "$id" 2>>"$DIR/log/start.log"
  radosgw -c "$CONF" -n client.rgw.a 2>>"$DIR/log/start.log"
  local endpoint=http://127.0.0.1:$rgw_port
  local ok=0
  for _ in $(seq 1 600); do
    if answers "$endpoint"; then ok=1; break; fi
    sleep 0.1
  done
  if [ $ok = 0 ]; then
    echo "ceph-rgw: the gateway did not answer on $endpoint in 60 s; logs in $DIR/log" >&2
    tail -n 20 "$DIR"/log/*.log >&2 || true
    exit 1
  fi
  radosgw-admin -c "$CONF" -n client.admin user create --uid=vigia --display-name="Vigia tests" \
    --access-key="$ACCESS_KEY" --secret-key="$SECRET_KEY" >/dev/null
  cat >"$DIR/env" <<EOF
S3_TEST_ENDPOINT=$endpoint
S3_TEST_ACCESS_KEY=$ACCESS_KEY
S3_TEST_SECRET_KEY=$SECRET_KEY
S3_TEST_REGION=default
CEPH_RGW_DIR=$DIR
EOF
  cat "$DIR/env"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
