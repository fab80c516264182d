#!/usr/bin/env bash
# One command on a fresh Debian 12 machine: installs what is needed, builds, starts the demo HMI.
# Extra arguments go to vigil (e.g. --kiosk, --lang zh_CN, --exit-after 10).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
./scripts/build.sh vigil vigil-sim
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    echo "demo.sh: no display (DISPLAY/WAYLAND_DISPLAY unset). Run it in a desktop session, or" >&2
    echo "         set QT_QPA_PLATFORM=offscreen to run without showing a window." >&2
    exit 2
fi

# The unit's process runs in vigil-sim, served over Modbus TCP on the port the demo plant names,
# and its weigh scale WI-101 talks ASCII over a virtual serial cable: a socat pty pair linked as
# $CABLE_DIR/wi101 (the plant's serial port) and $CABLE_DIR/wi101.sim (vigil-sim's end). If socat
# dies (the cable pulled) it is restarted and both ends reopen by themselves. Everything is
# stopped when the demo exits.
SIM_PORT=15502
SIM_LOG="${TMPDIR:-/tmp}/vigil-sim-demo.log"
CABLE_DIR=/tmp/vigil-demo
mkdir -p "$CABLE_DIR" 2>/dev/null || true
if [ ! -w "$CABLE_DIR" ]; then
    echo "demo.sh: cannot write $CABLE_DIR (the demo plant's serial port lives there)" >&2
    exit 1
fi
SIM_PID=
CABLE_PID=
cleanup() {
    [ -n "$SIM_PID" ] && kill "$SIM_PID" 2>/dev/null || true
    [ -n "$CABLE_PID" ] && kill "$CABLE_PID" 2>/dev/null || true
    [ -n "$SIM_PID" ] && wait "$SIM_PID" 2>/dev/null || true
    [ -n "$CABLE_PID" ] && wait "$CABLE_PID" 2>/dev/null || true
    rm -f "$CABLE_DIR/wi101" "$CABLE_DIR/wi101.sim"
}
trap cleanup EXIT

cable() {
    local socat_pid=
    trap '[ -n "$socat_pid" ] && kill "$socat_pid" 2>/dev/null; exit 0' TERM INT
    while true; do
        socat pty,raw,echo=0,link="$CABLE_DIR/wi101" pty,raw,echo=0,link="$CABLE_DIR/wi101.sim" &
        socat_pid=$!
        wait "$socat_pid" || true
        sleep 1
    done
}
if ! command -v socat >/dev/null; then
    echo "demo.sh: socat is missing (scripts/setup.sh installs it)" >&2
    exit 1
fi
cable &
CABLE_PID=$!

build/bin/vigil-sim --tcp "127.0.0.1:$SIM_PORT" --serial "$CABLE_DIR/wi101.sim" >"$SIM_LOG" 2>&1 &
SIM_PID=$!
for _ in $(seq 50); do
    grep -q "ready" "$SIM_LOG" 2>/dev/null && [ -e "$CABLE_DIR/wi101" ] && break
    if ! kill -0 "$SIM_PID" 2>/dev/null; then
        echo "demo.sh: vigil-sim did not start:" >&2
        cat "$SIM_LOG" >&2
        exit 1
    fi
    sleep 0.1
done

# The HMI runs as a child so that a TERM or Ctrl-C to this script reaches it too.
VIGIL_PID=
trap '[ -n "$VIGIL_PID" ] && kill "$VIGIL_PID" 2>/dev/null' TERM INT HUP
build/bin/vigil --config resources/demo/plant.toml "$@" &
VIGIL_PID=$!
status=0
wait "$VIGIL_PID" || status=$?
if kill -0 "$VIGIL_PID" 2>/dev/null; then # a signal ended the wait: let the HMI close
    status=0
    wait "$VIGIL_PID" || status=$?
fi
exit "$status"
