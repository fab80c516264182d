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

# The unit's process runs in vigil-sim, served over Modbus TCP on the port the demo plant names;
# it is stopped when the demo exits.
SIM_PORT=15502
SIM_LOG="${TMPDIR:-/tmp}/vigil-sim-demo.log"
build/bin/vigil-sim --tcp "127.0.0.1:$SIM_PORT" >"$SIM_LOG" 2>&1 &
SIM_PID=$!
trap 'kill "$SIM_PID" 2>/dev/null || true; wait "$SIM_PID" 2>/dev/null || true' EXIT
for _ in $(seq 50); do
    grep -q "ready" "$SIM_LOG" 2>/dev/null && break
    if ! kill -0 "$SIM_PID" 2>/dev/null; then
        echo "demo.sh: vigil-sim did not start:" >&2
        cat "$SIM_LOG" >&2
        exit 1
    fi
    sleep 0.1
done
build/bin/vigil --config resources/demo/plant.toml "$@"
