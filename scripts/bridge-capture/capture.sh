#!/usr/bin/env bash
# A lab run with its traffic captured on the Docker network's bridge, so that a
# client-side aim can be checked against what the app really did (when it sent
# each response, when it closed each connection, when each request reached it).
# Needs tcpdump (Debian: apt-get install tcpdump) and root.
#
#   scripts/bridge-capture/capture.sh OUT_DIR APP_PORT LAB_ARGS...
#   python3 scripts/bridge-capture/analyze.py OUT_DIR APP_PORT
#
# e.g. scripts/bridge-capture/capture.sh /tmp/uv 8000 --app-image keepalive-lab/example-python-uvicorn \
#        --app-port 8000 --lb-idle-timeout 8s --method POST --cycles 10 --max-cycles 10 --long-cycles 3
# It captures the app's port and the LB's listening ports (8400-8420 in the lab's LB configs) on the bridge of
# the compose project keepalive-lab, for the variant "yours"; OUT_DIR gets cap.pcap, yours-ip, lab.log and the
# run under r/.
set -euo pipefail
out=$1; app_port=$2; shift 2
command -v tcpdump >/dev/null || { echo "capture: tcpdump is missing" >&2; exit 2; }
cd "$(dirname "$0")/../.."
mkdir -p "$out"
npm run -s lab -- --results-dir "$out/r" "$@" > "$out/lab.log" 2>&1 &
lab=$!
id=''
for _ in $(seq 1 150); do id=$(docker network inspect keepalive-lab_default -f '{{.Id}}' 2>/dev/null) && break; sleep 0.2; done
[ -n "$id" ] || { kill -INT "$lab"; echo "capture: the lab's network did not come up" >&2; exit 1; }
tcpdump -i "br-${id:0:12}" -nn -s 400 -w "$out/cap.pcap" "tcp port $app_port or tcp portrange 8400-8420" \
  > "$out/tcpdump.log" 2>&1 &
td=$!
ip=''
for _ in $(seq 1 150); do
  ip=$(docker inspect keepalive-lab_app-yours_1 -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' 2>/dev/null || true)
  [ -n "$ip" ] && break; sleep 0.2
done
echo "$ip" > "$out/yours-ip"
set +e
wait "$lab"; status=$?
kill "$td" 2>/dev/null; wait "$td" 2>/dev/null  # tcpdump may have ended with the bridge
echo "capture: lab exit $status; $out/cap.pcap"
exit "$status"
